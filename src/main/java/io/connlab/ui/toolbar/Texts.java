package io.connlab.ui.toolbar;

/** The toolbar's words that are not field names, in one place (to move into a resource bundle). */
final class Texts {
    private Texts() {
    }

    /** %s: the lane. Says what the button does now: a run keeps its lanes; the next one runs only those shown. */
    static final String LANE_TOGGLE_TIP = "Show or hide the %s lane. A lane hidden at Start does not run;"
            + " hiding one during a run only hides its column (it keeps running, and its figures stay in the table).";
}
