package io.connlab.lane;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the poll API as the client reads it (the mock writes it with its own PollAnswer): {@code {"cursor": M, "messages": [{"seq", "data", "publishedAt"}], "gap": false}}.
 * Read with Jackson's streaming parser (no tree), since a thousand pollers parse one each per message.
 */
record PollResult(long cursor, List<Message> messages, boolean gap) {
    private static final JsonFactory JSON = new JsonFactory();

    /** One stored message: the backend's sequence number and the published text. */
    record Message(long seq, String data) {
    }

    /** Parses the body; {@link IOException} when it is not a poll answer (no cursor, wrong types). */
    static PollResult parse(byte[] body) throws IOException {
        long cursor = -1;
        boolean gap = false;
        List<Message> messages = List.of();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("poll answer is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "cursor" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) throw new IOException("poll answer: cursor is not an integer");
                        cursor = p.getLongValue();
                    }
                    case "gap" -> gap = t == JsonToken.VALUE_TRUE;
                    case "messages" -> messages = messages(p, t);
                    default -> p.skipChildren();
                }
            }
        }
        if (cursor < 0) throw new IOException("poll answer has no cursor");
        return new PollResult(cursor, messages, gap);
    }

    private static List<Message> messages(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return List.of();
        if (t != JsonToken.START_ARRAY) throw new IOException("poll answer: messages is not a list");
        List<Message> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) throw new IOException("poll answer: a message is not an object");
            long seq = -1;
            String data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("seq".equals(field) && v == JsonToken.VALUE_NUMBER_INT) seq = p.getLongValue();
                else if ("data".equals(field) && v == JsonToken.VALUE_STRING) data = p.getText();
                else p.skipChildren();
            }
            out.add(new Message(seq, data == null ? "" : data));
        }
        return out;
    }
}
