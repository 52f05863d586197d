package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Prices;

/**
 * What a class of N students costs on one live stack, each running the same workload at once, by
 * the model the window's estimate uses ({@link LiveRunEstimate}). With rooms (each run in its own,
 * the default) the class costs N times one student; in one shared room every message reaches every
 * student's connections, so the WebSocket messages and the fan-out grow with N squared. The
 * standing resources (the database option's) are paid once, for the run's duration.
 *
 * @param perStudent one student's run in a room of its own, standing resources left out
 * @param withRooms  the class, each student in a room of their own
 * @param sharedRoom the class, everyone in one room
 */
public record ClassCost(int students, RunSettings workload, CostModel.Estimate perStudent,
                        CostModel.Estimate withRooms, CostModel.Estimate sharedRoom) {

    public static ClassCost of(int students, RunSettings workload, Prices prices) {
        if (students < 1) throw new IllegalArgumentException("a class has at least one student, got " + students);
        LiveStack stack = LiveStack.SHIPPED;
        CostModel.Estimate one = LiveRunEstimate.traffic(workload, prices, stack, 1);
        CostModel.Estimate rooms = LiveRunEstimate.withStanding(one.times(students), workload, stack);
        CostModel.Estimate shared = LiveRunEstimate.withStanding(
                LiveRunEstimate.traffic(workload, prices, stack, students).times(students), workload, stack);
        return new ClassCost(students, workload, one, rooms, shared);
    }

    /** The default workload ({@link RunSettings#defaults()}: 20 messages/s of 256 B for 30 s, every lane but the proxy). */
    public static ClassCost ofDefaultWorkload(int students) {
        return of(students, RunSettings.defaults(), Prices.CURRENT);
    }
}
