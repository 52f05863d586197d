package io.connlab.mock.sns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 7: FIFO deduplication was missing. A FIFO topic now needs a MessageGroupId and
 * a MessageDeduplicationId (or content-based deduplication), and a repeated id within five
 * minutes is accepted but not delivered again, as SNS does. Talks to the mock with the AWS SDK.
 */
class SnsFifoTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private SnsServer s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    private String fifoTopic(String name, boolean contentBased) throws Exception {
        s = s != null ? s : new SnsServer(new SnsApi(SnsServer.DEFAULT_ARN, new Topics(100, 10, clock::get)));
        String arn = s.sns.createTopic(b -> b.name(name).attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", String.valueOf(contentBased)))).topicArn();
        s.api.subscribe(arn, delivered::add);
        return arn;
    }

    private PublishResponse publish(String arn, String message, String dedupId) {
        return s.sns.publish(b -> b.topicArn(arn).message(message).messageGroupId("g1").messageDeduplicationId(dedupId));
    }

    @Test
    void aRepeatedDeduplicationIdWithinFiveMinutesIsAcceptedButNotDelivered() throws Exception {
        String arn = fifoTopic("orders.fifo", false);
        PublishResponse first = publish(arn, "one", "id-1");
        PublishResponse again = publish(arn, "one, resent", "id-1");
        assertEquals(first.messageId(), again.messageId(), "the duplicate is answered as the first was");
        assertEquals(first.sequenceNumber(), again.sequenceNumber());
        PublishResponse other = publish(arn, "two", "id-2");
        assertTrue(other.sequenceNumber().compareTo(first.sequenceNumber()) > 0);
        assertEquals(List.of("one", "two"), delivered);

        clock.addAndGet(TimeUnit.MINUTES.toNanos(5) - 1);
        publish(arn, "still a duplicate", "id-1");
        assertEquals(2, delivered.size());
        clock.addAndGet(1);
        PublishResponse later = publish(arn, "one, five minutes on", "id-1");
        assertNotEquals(first.messageId(), later.messageId());
        assertEquals(List.of("one", "two", "one, five minutes on"), delivered);
    }

    @Test
    void contentBasedDeduplicationUsesTheBodyAndAnExplicitIdOverridesIt() throws Exception {
        String arn = fifoTopic("prices.fifo", true);
        s.sns.publish(b -> b.topicArn(arn).message("same").messageGroupId("g"));
        s.sns.publish(b -> b.topicArn(arn).message("same").messageGroupId("other-group"));
        s.sns.publish(b -> b.topicArn(arn).message("different").messageGroupId("g"));
        s.sns.publish(b -> b.topicArn(arn).message("same").messageGroupId("g").messageDeduplicationId("explicit"));
        assertEquals(List.of("same", "different", "same"), delivered);
    }

    @Test
    void aFifoPublishNeedsAGroupIdAndADeduplicationId() throws Exception {
        String arn = fifoTopic("strict.fifo", false);
        InvalidParameterException noGroup = assertThrows(InvalidParameterException.class,
                () -> s.sns.publish(b -> b.topicArn(arn).message("m").messageDeduplicationId("d")));
        assertEquals("Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
                noGroup.awsErrorDetails().errorMessage());
        InvalidParameterException noDedup = assertThrows(InvalidParameterException.class,
                () -> s.sns.publish(b -> b.topicArn(arn).message("m").messageGroupId("g")));
        assertEquals("Invalid parameter: The topic should either have ContentBasedDeduplication enabled"
                + " or MessageDeduplicationId provided explicitly", noDedup.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class, () -> publish(arn, "m", "x".repeat(129)));
        assertThrows(InvalidParameterException.class, () -> publish(arn, "m", "has space"));
        assertTrue(delivered.isEmpty());
    }

    @Test
    void aStandardTopicRefusesADeduplicationIdAndContentBasedDeduplication() throws Exception {
        fifoTopic("any.fifo", false);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> s.sns.publish(b ->
                b.topicArn(SnsServer.DEFAULT_ARN).message("m").messageDeduplicationId("d")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("MessageDeduplicationId"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> s.sns.createTopic(b -> b.name("plain")
                .attributes(Map.of("ContentBasedDeduplication", "true"))));
        assertEquals(0, s.api.published());
    }

    @Test
    void creatingAnExistingFifoTopicWithOtherAttributesIsRefused() throws Exception {
        String arn = fifoTopic("once.fifo", false);
        assertEquals(arn, s.sns.createTopic(b -> b.name("once.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn());
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> fifoTopic("once.fifo", true));
        assertEquals("Invalid parameter: Attributes Reason: Topic already exists with different attributes",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void deduplicationIsPerTopic() throws Exception {
        String a = fifoTopic("a.fifo", false);
        String b = fifoTopic("b.fifo", false);
        publish(a, "to a", "same-id");
        publish(b, "to b", "same-id");
        assertEquals(List.of("to a", "to b"), delivered);
    }

    @Test
    void theDeduplicationMemoryIsBounded() {
        Deduplication d = new Deduplication(clock::get);
        for (int i = 0; i < Deduplication.MAX_IDS + 50; i++) {
            String id = "id-" + i;
            assertDoesNotThrow(() -> d.publishOnce(id, now -> new Deduplication.Sent(id, "1", now)));
        }
        assertEquals(Deduplication.MAX_IDS, d.remembered());
    }
}
