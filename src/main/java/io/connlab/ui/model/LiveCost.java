package io.connlab.ui.model;

import io.connlab.run.LiveLoad;

/**
 * A live run's forecast cost, shown before it starts.
 *
 * @param backend           the profile's name
 * @param dollars           the forecast at list prices
 * @param messages          messages the run would deliver
 * @param lanes             the lanes that would run ("WebSocket, Long poll")
 * @param clients           clients per lane
 * @param confirmAbove      the threshold above which a run needs a confirmation ({@code bench --yes})
 * @param load              what the run sends against the stage's and the account's throttles
 */
public record LiveCost(String backend, double dollars, long messages, String lanes, int clients, double confirmAbove,
                       LiveLoad load) {

    public boolean needsConfirmation() {
        return dollars > confirmAbove;
    }
}
