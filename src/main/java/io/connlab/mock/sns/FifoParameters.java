package io.connlab.mock.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Publish's FIFO parameters, checked as SNS checks them: a FIFO topic needs a
 * {@code MessageGroupId} and a {@code MessageDeduplicationId} (or content-based deduplication,
 * which takes the SHA-256 of the message body); a standard topic refuses a deduplication id.
 * Both ids are 1 to 128 letters, digits and ASCII punctuation.
 */
final class FifoParameters {
    static final String GROUP_ID = "MessageGroupId";
    static final String DEDUPLICATION_ID = "MessageDeduplicationId";
    private static final int MAX_ID_LENGTH = 128;

    private FifoParameters() {
    }

    /** The checks that need no topic, only whether its ARN names a FIFO topic. */
    static void check(boolean fifo, Map<String, String> p) throws SnsError {
        String group = p.get(GROUP_ID);
        String dedup = p.get(DEDUPLICATION_ID);
        if (fifo) {
            if (group == null || group.isEmpty()) {
                throw SnsError.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            }
            checkId(GROUP_ID, group);
            if (dedup != null) checkId(DEDUPLICATION_ID, dedup);
        } else {
            if (dedup != null) {
                throw SnsError.invalidParameter("MessageDeduplicationId Reason: The request includes MessageDeduplicationId"
                        + " parameter that is not valid for this topic type");
            }
            if (group != null) checkId(GROUP_ID, group); // standard topics take a group id (for SQS fair queues)
        }
    }

    /** The id a FIFO publish is deduplicated by: the one given, else the body's SHA-256 when the topic allows. */
    static String deduplicationId(Topics.Topic topic, Map<String, String> p, String message) throws SnsError {
        String given = p.get(DEDUPLICATION_ID);
        if (given != null) return given;
        if (!topic.contentBasedDeduplication()) {
            throw SnsError.invalidParameter("The topic should either have ContentBasedDeduplication enabled"
                    + " or MessageDeduplicationId provided explicitly");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void checkId(String parameter, String id) throws SnsError {
        boolean ok = !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
        for (int i = 0; ok && i < id.length(); i++) ok = id.charAt(i) > 0x20 && id.charAt(i) < 0x7F;
        if (!ok) {
            throw SnsError.invalidParameter(parameter + " Reason: must be 1 to 128 letters, digits or punctuation"
                    + " characters (!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~)");
        }
    }
}
