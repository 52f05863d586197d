package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Prices;

import java.time.Duration;

/**
 * What a class of N students costs on one live stack, each running the same workload the same
 * number of times, by the model the window's estimate uses ({@link LiveRunEstimate}). With rooms
 * (each run in its own, the default) the class costs N times one student; in one shared room
 * every message reaches every student's connections, so the WebSocket messages and the fan-out
 * grow with N squared. The standing resources (the database option's) are paid once, for as long
 * as the stack stands ({@code standsFor}).
 *
 * @param runsEach   how many times each student runs the workload
 * @param perStudent one student's runs in rooms of their own, standing resources left out
 * @param withRooms  the class, each student in a room of their own
 * @param sharedRoom the class, everyone in one room
 */
public record ClassCost(int students, int runsEach, RunSettings workload, Duration standsFor,
                        CostModel.Estimate perStudent, CostModel.Estimate withRooms, CostModel.Estimate sharedRoom) {
    /** The workshop hour lesson 7 and assets/aws/README.md quote: each student runs the default run this often. */
    public static final int WORKSHOP_RUNS_EACH = 20;
    public static final int WORKSHOP_STUDENTS = 30;

    public static ClassCost of(int students, int runsEach, RunSettings workload, Duration standsFor, Prices prices) {
        if (students < 1) throw new IllegalArgumentException("a class has at least one student, got " + students);
        if (runsEach < 1) throw new IllegalArgumentException("each student runs at least once, got " + runsEach);
        if (standsFor.compareTo(workload.duration().multipliedBy(runsEach)) < 0) {
            throw new IllegalArgumentException(runsEach + " runs of " + workload.duration() + " do not fit in " + standsFor);
        }
        LiveStack stack = LiveStack.SHIPPED;
        CostModel.Estimate one = LiveRunEstimate.traffic(workload, prices, stack, 1).times(runsEach);
        CostModel.Estimate rooms = LiveRunEstimate.withStanding(one.times(students), workload, stack, standsFor);
        CostModel.Estimate shared = LiveRunEstimate.withStanding(
                LiveRunEstimate.traffic(workload, prices, stack, students).times(runsEach * students), workload, stack, standsFor);
        return new ClassCost(students, runsEach, workload, standsFor, one, rooms, shared);
    }

    /** One default run ({@link RunSettings#defaults()}: 20 messages/s of 256 B for 30 s, every lane but the proxy), all at once. */
    public static ClassCost ofDefaultWorkload(int students) {
        RunSettings d = RunSettings.defaults();
        return of(students, 1, d, d.duration(), Prices.CURRENT);
    }

    /** A workshop hour: each student runs the default run {@code runsEach} times; the stack stands the hour. */
    public static ClassCost workshopHour(int students, int runsEach) {
        return of(students, runsEach, RunSettings.defaults(), Duration.ofHours(1), Prices.CURRENT);
    }
}
