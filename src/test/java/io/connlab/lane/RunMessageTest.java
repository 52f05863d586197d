package io.connlab.lane;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunMessageTest {

    @Test
    void formatThenParseGivesTheStampBack() {
        String text = RunMessage.format("r42", 7, 1_718_000_000_123_456L, 256);
        assertEquals(256, text.length());
        assertEquals(new RunMessage.Stamp(7, 1_718_000_000_123_456L), RunMessage.parse(text, "r42"));
    }

    @Test
    void smallSizesGiveTheBareMessage() {
        String text = RunMessage.format("r", 1, 2, 0);
        assertEquals("{\"run\":\"r\",\"seq\":1,\"sentAt\":2}", text);
        assertEquals(new RunMessage.Stamp(1, 2), RunMessage.parse(text, "r"));
    }

    @Test
    void toleratesBlanksAndOtherFieldOrder() {
        assertEquals(new RunMessage.Stamp(5, 99),
                RunMessage.parse("{ \"sentAt\" : 99, \"run\" : \"abc\", \"seq\" :5 }", "abc"));
    }

    @Test
    void otherTextIsForeign() {
        assertNull(RunMessage.parse(RunMessage.format("r42", 1, 2, 0), "r4"));   // a prefix of the id is not the id
        assertNull(RunMessage.parse(RunMessage.format("r4", 1, 2, 0), "r42"));
        assertNull(RunMessage.parse("hello everyone", "r42"));
        assertNull(RunMessage.parse("", "r42"));
        assertNull(RunMessage.parse(null, "r42"));
        assertNull(RunMessage.parse("{\"run\":\"r42\",\"seq\":\"7\",\"sentAt\":1}", "r42"));
        assertNull(RunMessage.parse("{\"run\":\"r42\",\"seq\":-7,\"sentAt\":1}", "r42"));
        assertNull(RunMessage.parse("{\"run\":\"r42\",\"seq\":99999999999999999999,\"sentAt\":1}", "r42"));
        assertNull(RunMessage.parse("{\"run\":\"r42\",\"seq\":1}", "r42"));
        assertNull(RunMessage.parse("{\"run\":\"r42", "r42"));
        assertNull(RunMessage.parse("{\"message\": \"Forbidden\", \"connectionId\":\"x\", \"requestId\":\"y\"}", "r42"));
    }

    @Test
    void runIdsAreKeptSafeForJson() {
        assertThrows(IllegalArgumentException.class, () -> RunMessage.format("a\"b", 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> RunMessage.format("", 1, 1, 0));
    }
}
