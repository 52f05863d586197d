package io.connlab.mock.sns;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.http.HttpIo;

/**
 * {@code MessageStructure=json}: the message is a JSON object with one text per protocol.
 * The mock's subscribers stand in for SNS-subscribed Lambda functions, so they get the
 * {@code lambda} text when there is one, else {@code default}, which SNS requires.
 */
final class PublishStructure {
    private PublishStructure() {
    }

    static String forSubscribers(String structure, String message) throws SnsError {
        if (structure == null || structure.isEmpty()) return message;
        if (!"json".equals(structure)) throw SnsError.invalidParameter("MessageStructure");
        JsonNode texts;
        try {
            texts = HttpIo.JSON.readTree(message);
        } catch (java.io.IOException e) {
            texts = null;
        }
        if (texts == null || !texts.isObject()) {
            throw SnsError.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        JsonNode fallback = texts.get("default");
        if (fallback == null || !fallback.isTextual()) {
            throw SnsError.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        JsonNode lambda = texts.get("lambda");
        return lambda != null && lambda.isTextual() ? lambda.asText() : fallback.asText();
    }
}
