package io.connlab.mock.poll;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RoomLogsTest {
    @Test
    void eachRoomCountsFromOneAndFansOutBeforeItsAppend() {
        RoomLogs rooms = new RoomLogs(100);
        List<String> fannedOut = new ArrayList<>();
        rooms.publish("a", "x", text -> fannedOut.add(text + "@" + rooms.log("a").head()));
        Message b1 = rooms.publish("b", "y", text -> { });
        assertEquals(1, rooms.log("a").head());
        assertEquals(1, b1.seq(), "room b's log has its own numbers");
        assertEquals(List.of("x@0"), fannedOut);
        assertSame(rooms.log(null), rooms.log("default"));
        assertEquals(2, rooms.published());
    }

    @Test
    void pastTheRoomLimitTheRoomUsedLeastRecentlyIsForgotten() {
        RoomLogs rooms = new RoomLogs(10);
        for (int i = 0; i < RoomLogs.MAX_ROOMS; i++) rooms.log("r" + i);
        rooms.log("r0"); // used again: r1 is now the oldest
        rooms.log("one-more");
        assertEquals(RoomLogs.MAX_ROOMS + 1, rooms.rooms(), "the default room and MAX_ROOMS others");
        List<String> names = rooms.names();
        assertEquals(false, names.contains("r1"));
        assertEquals(true, names.contains("r0"));
        assertEquals("default", names.get(0));
    }
}
