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

    @Test
    void boundsTheWindowInBytesAsWellAsInMessages() {
        long bound = 1 << 20;
        MessageStore store = new MessageStore(10_000, bound);
        String big = "x".repeat(100_000);
        for (int i = 0; i < 50; i++) {
            store.append(big);
            assertTrue(store.bytesHeld() <= bound, "held " + store.bytesHeld() + " of " + bound);
        }
        assertEquals(50, store.head());
        assertEquals(41, store.oldest(), "ten 100 KB messages fit in 1 MB");
        Slice s = store.slice(0, 100, Integer.MAX_VALUE);
        assertTrue(s.gap, "cursor 0 lost messages 1..40");
        assertEquals(41, s.messages.get(0).seq());
        assertEquals(50, s.cursor);
    }

    @Test
    void keepsTheNewestMessageEvenWhenItAloneIsOverTheBound() {
        MessageStore store = new MessageStore(10, 1_000);
        store.append("small");
        store.append("y".repeat(5_000));
        assertEquals(2, store.oldest());
        assertEquals("y".repeat(5_000), store.after(1, 10).get(0).data());
        store.append("z");
        assertEquals(3, store.oldest(), "the oversized one goes as soon as a newer one comes");
    }

    @Test
    void holdsAMessageOfControlCharactersOnceAsUtf8NotEscaped() throws Exception {
        MessageStore store = new MessageStore(4);
        String control = "\u0001".repeat(262_144);
        Message m = store.append(control);
        assertEquals(262_144, m.utf8.length, "one byte per character, not a six-byte escape");
        assertEquals(262_144L + MessageStore.OVERHEAD_BYTES, store.bytesHeld());
        byte[] body = PollAnswer.body(store.slice(0, 10, Integer.MAX_VALUE));
        assertEquals(control, HttpIo.JSON.readTree(body).get("messages").get(0).get("data").asText());
    }

    @Test
    void escapesEveryAsciiCharacterExactlyAsJackson() throws Exception {
        MessageStore store = new MessageStore(200);
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "\u00e9\u4e2d" + c;
            Message m = store.append(text);
            byte[] jackson = HttpIo.JSON.writeValueAsBytes(text);
            byte[] ours = new byte[m.quotedLength];
            assertEquals(ours.length, JsonText.writeQuoted(m.utf8, m.quotedLength, ours, 0), "length for " + (int) c);
            assertEquals(new String(jackson, java.nio.charset.StandardCharsets.UTF_8),
                    new String(ours, java.nio.charset.StandardCharsets.UTF_8), "escape of " + (int) c);
            assertEquals(m.jsonLength(), PollAnswer.body(store.slice(m.seq() - 1, 1, Integer.MAX_VALUE)).length
                    - ("{\"cursor\":" + m.seq() + ",\"messages\":[],\"gap\":false}").length());
        }
        // Outside the BMP Jackson writes escaped surrogate pairs; raw UTF-8 is as valid and shorter.
        String emoji = "\uD83D\uDE00";
        store.append(emoji);
        byte[] body = PollAnswer.body(store.slice(store.head() - 1, 1, Integer.MAX_VALUE));
        assertEquals(emoji, HttpIo.JSON.readTree(body).get("messages").get(0).get("data").asText());
    }
}
