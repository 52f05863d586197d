package io.connlab.run;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomTest {
    @Test
    void theRoomGoesIntoTheQueryBesideWhatIsThere() {
        assertEquals("ws://h:1/dev?token=t&room=r1", Room.into(URI.create("ws://h:1/dev?token=t"), "r1").toString());
        assertEquals("http://h:1/dev/poll?room=r1", Room.into("http://h:1/dev/poll", "r1"));
        assertEquals("http://h/p?a=1&room=x#f", Room.into("http://h/p?a=1#f", "x"));
    }

    @Test
    void aRunJoinsThisInstancesOwnRoomUnlessItNamesOne() {
        assertTrue(Room.own().matches("run-[0-9a-f]{8}"), Room.own());
        assertEquals(Room.own(), RunSettings.defaults().room());
        assertEquals("class-7", RunSettings.defaults().withRoom("class-7").room());
        assertEquals(Room.own(), RunSettings.defaults().withRoom("class-7").withRoom(null).room());
    }

    @Test
    void aRoomNameIsOneToSixtyFourOfTheContractsCharacters() {
        assertNull(Room.problem("a".repeat(64)));
        assertNull(Room.problem("Class_7-b"));
        for (String bad : new String[] {"", "a".repeat(65), "two words", "caf\u00e9", "a/b"}) {
            assertNotNull(Room.problem(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> RunSettings.defaults().withRoom(bad));
        }
    }
}
