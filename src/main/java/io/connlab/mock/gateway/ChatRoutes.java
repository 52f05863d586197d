package io.connlab.mock.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.connlab.mock.http.HttpIo;

/**
 * Route selection ({@code $request.body.action}) for the simple-websockets-chat-app routes.
 * Only {@code sendmessage} is routed; there is no {@code $default}, so anything else is
 * what API Gateway answers when no route matches.
 */
final class ChatRoutes {
    static final String SEND_MESSAGE = "sendmessage";
    // A body with anything after its JSON value is not JSON to API Gateway either.
    private static final ObjectReader STRICT = HttpIo.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What a client message leads to. */
    sealed interface Outcome permits Broadcast, Forbidden, LambdaFailed {
    }

    /** {@code sendmessage} with string data: the sample Lambda posts it to every connection. */
    record Broadcast(String data) implements Outcome {
    }

    /** No route matched (not JSON, no or unknown action, binary). */
    record Forbidden() implements Outcome {
    }

    /** The route matched but the sample Lambda throws (its {@code data} is missing or not a string). */
    record LambdaFailed() implements Outcome {
    }

    private ChatRoutes() {
    }

    static Outcome route(String text) {
        JsonNode body;
        try {
            body = STRICT.readTree(text);
        } catch (Exception notJson) {
            return new Forbidden();
        }
        if (body == null || !body.isObject()) return new Forbidden();
        JsonNode action = body.get("action");
        if (action == null || !action.isTextual() || !SEND_MESSAGE.equals(action.textValue())) return new Forbidden();
        JsonNode data = body.get("data");
        if (data == null || !data.isTextual()) return new LambdaFailed();
        return new Broadcast(data.textValue());
    }

    /** API Gateway's error frame, spaced exactly as API Gateway sends it. */
    static String errorFrame(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId
                + "\", \"requestId\":\"" + requestId + "\"}";
    }
}
