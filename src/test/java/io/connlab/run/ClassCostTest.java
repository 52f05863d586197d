package io.connlab.run;

import io.connlab.metrics.CostModel;
import io.connlab.metrics.LiveStack;
import io.connlab.metrics.Prices;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A class on one stack, by the window's own model: N times one student with rooms, about N squared without. */
class ClassCostTest {
    private static double line(CostModel.Estimate e, String item) {
        return e.lines().stream().filter(l -> l.item().equals(item)).mapToDouble(CostModel.Line::dollars).sum();
    }

    @Test
    void aClassOfThirtyWithRoomsCostsThirtyStudentsPlusTheStandingResourcesOnce() {
        ClassCost c = ClassCost.ofDefaultWorkload(30);
        LiveRunEstimate one = LiveRunEstimate.of(RunSettings.defaults(), Prices.CURRENT, 1);
        double standing = line(one.cost(), LiveRunEstimate.STANDING);
        assertTrue(standing > 0, "the default workload has the pool lanes: the database stack stands");
        assertEquals(30 * (one.cost().dollars() - standing) + standing, c.withRooms().dollars(), 1e-12);
        assertEquals(30 * 600, c.withRooms().delivered(), "600 messages each (20/s for 30 s)");
        assertEquals(30 * line(one.cost(), "WebSocket messages"), line(c.withRooms(), "WebSocket messages"), 1e-12);
        System.out.printf(java.util.Locale.ROOT, "class of 30, default workload: with rooms $%.4f, one shared room $%.4f,"
                + " one student $%.4f (standing $%.5f)%n", c.withRooms().dollars(), c.sharedRoom().dollars(),
                c.perStudent().dollars(), standing);
    }

    @Test
    void inOneSharedRoomTheWebSocketMessagesGrowWithTheSquareOfTheClass() {
        ClassCost ten = ClassCost.ofDefaultWorkload(10);
        ClassCost thirty = ClassCost.ofDefaultWorkload(30);
        double shared10 = line(ten.sharedRoom(), "WebSocket messages");
        double shared30 = line(thirty.sharedRoom(), "WebSocket messages");
        assertEquals(9.0, shared30 / shared10, 1e-9, "three times the class, nine times the messages");
        assertEquals(3.0, line(thirty.withRooms(), "WebSocket messages") / line(ten.withRooms(), "WebSocket messages"), 1e-9);
        assertTrue(thirty.sharedRoom().dollars() > 4 * thirty.withRooms().dollars(), thirty.sharedRoom().dollars() + " vs "
                + thirty.withRooms().dollars());
    }

    @Test
    void oneStudentIsOneRun() {
        ClassCost c = ClassCost.ofDefaultWorkload(1);
        assertEquals(c.withRooms().dollars(), c.sharedRoom().dollars(), 1e-15);
        assertEquals(LiveRunEstimate.of(RunSettings.defaults(), Prices.CURRENT, 1).cost().dollars(), c.withRooms().dollars(), 1e-15);
    }

    @Test
    void aWorkshopHourIsTwentyRunsEachAndTheStackStandingTheHour() {
        ClassCost hour = ClassCost.workshopHour(30, 20);
        ClassCost once = ClassCost.ofDefaultWorkload(30);
        double standingHour = LiveStack.SHIPPED.standingDollarsPerHour();
        assertEquals(20 * (once.withRooms().dollars() - line(once.withRooms(), LiveRunEstimate.STANDING)) + standingHour,
                hour.withRooms().dollars(), 1e-9);
        assertEquals(standingHour, line(hour.withRooms(), LiveRunEstimate.STANDING), 1e-12);
        assertEquals(30L * 20 * 600, hour.withRooms().delivered(), "360,000 publishes");
        assertTrue(line(hour.withRooms(), LiveRunEstimate.DYNAMODB) > 0, "the tables are priced");
        for (CostModel.Line l : hour.withRooms().lines()) {
            System.out.printf(java.util.Locale.ROOT, "rooms  %-45s %14.1f %-14s $%.4f%n", l.item(), l.units(), l.unit(), l.dollars());
        }
        for (CostModel.Line l : hour.sharedRoom().lines()) {
            System.out.printf(java.util.Locale.ROOT, "shared %-45s %14.1f %-14s $%.4f%n", l.item(), l.units(), l.unit(), l.dollars());
        }
        System.out.printf(java.util.Locale.ROOT, "workshop hour: rooms $%.4f shared $%.4f%n", hour.withRooms().dollars(), hour.sharedRoom().dollars());
    }

    @Test
    void runsThatDoNotFitTheirHourAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassCost.workshopHour(30, 121), "121 runs of 30 s exceed an hour");
        assertThrows(IllegalArgumentException.class, () -> ClassCost.workshopHour(0, 20));
        assertThrows(IllegalArgumentException.class, () -> ClassCost.workshopHour(30, 0));
    }
}
