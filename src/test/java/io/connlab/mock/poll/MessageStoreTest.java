package io.connlab.mock.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.http.HttpIo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageStoreTest {
    @Test
    void numbersMessagesFromOne() {
        MessageStore store = new MessageStore(10);
        assertEquals(0, store.head());
        assertEquals(1, store.append("a").seq());
        assertEquals(2, store.append("b").seq());
        assertEquals(2, store.head());
        assertEquals(2, store.published());
        assertEquals(List.of("a", "b"), store.after(0, 10).stream().map(Message::data).toList());
        assertEquals(List.of("b"), store.after(1, 10).stream().map(Message::data).toList());
    }

    @Test
    void keepsOnlyTheWindowAndReportsTheGap() {
        MessageStore store = new MessageStore(3);
        for (int i = 1; i <= 7; i++) store.append("m" + i);
        assertEquals(5, store.oldest());
        Slice lost = store.slice(2, 100, Integer.MAX_VALUE);
        assertTrue(lost.gap);
        assertEquals(List.of(5L, 6L, 7L), lost.messages.stream().map(Message::seq).toList());
        assertEquals(7, lost.cursor);
        assertFalse(store.slice(4, 100, Integer.MAX_VALUE).gap, "cursor 4 lost nothing: 5 is still held");
        assertEquals(7, store.published());
    }

    @Test
    void cursorAheadOfTheNewestIsAGap() {
        MessageStore store = new MessageStore(3);
        store.append("x");
        Slice s = store.slice(42, 100, Integer.MAX_VALUE);
        assertTrue(s.gap);
        assertEquals(1, s.cursor);
        assertTrue(s.messages.isEmpty());
    }

    @Test
    void limitsCountAndBytesButAlwaysGivesOne() {
        MessageStore store = new MessageStore(100);
        for (int i = 0; i < 10; i++) store.append("x".repeat(100));
        assertEquals(4, store.slice(0, 4, Integer.MAX_VALUE).messages.size());
        assertEquals(1, store.slice(0, 10, 10).messages.size());
        // each encoded message is about 145 bytes
        assertEquals(3, store.slice(0, 10, 500).messages.size());
    }

    @Test
    void encodesEachMessageAsJacksonWould() throws Exception {
        MessageStore store = new MessageStore(4);
        String tricky = "quote \" backslash \\ newline \n tab \t control \u0001 unicode \u00e9\u4e2d \uD83D\uDE00";
        Message m = store.append(tricky);
        byte[] body = PollAnswer.body(store.slice(0, 10, Integer.MAX_VALUE));
        JsonNode answer = HttpIo.JSON.readTree(body);
        assertEquals(1, answer.get("cursor").asLong());
        assertFalse(answer.get("gap").asBoolean());
        JsonNode first = answer.get("messages").get(0);
        assertEquals(tricky, first.get("data").asText());
        assertEquals(m.publishedAt(), first.get("publishedAt").asLong());
        assertEquals(1, first.get("seq").asLong());
    }

    @Test
    void aFailingListenerDoesNotStopTheAppend() {
        MessageStore store = new MessageStore(4);
        AtomicLong seen = new AtomicLong();
        store.addListener(m -> {
            throw new IllegalStateException("boom");
        });
        store.addListener(m -> seen.set(m.seq()));
        store.append("a");
        assertEquals(1, seen.get());
        assertEquals(1, store.head());
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new MessageStore(0));
    }
}
