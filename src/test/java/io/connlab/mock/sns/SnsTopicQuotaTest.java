package io.connlab.mock.sns;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.TopicLimitExceededException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 7: the number of topics had no cap. AWS's default quotas are 100,000 standard
 * and 1,000 FIFO topics per account and region; past them CreateTopic is TopicLimitExceeded (403).
 */
class SnsTopicQuotaTest {
    @Test
    void theQuotasAreAwssDefaults() {
        assertEquals(100_000, Topics.MAX_STANDARD);
        assertEquals(1_000, Topics.MAX_FIFO);
    }

    @Test
    void pastOneThousandFifoTopicsCreateTopicIsTopicLimitExceeded() throws Exception {
        try (SnsServer s = new SnsServer()) {
            for (int i = 0; i < Topics.MAX_FIFO; i++) {
                int n = i;
                s.sns.createTopic(b -> b.name("t" + n + ".fifo").attributes(Map.of("FifoTopic", "true")));
            }
            TopicLimitExceededException e = assertThrows(TopicLimitExceededException.class,
                    () -> s.sns.createTopic(b -> b.name("one-too-many.fifo").attributes(Map.of("FifoTopic", "true"))));
            assertEquals(403, e.statusCode());
            assertEquals("TopicLimitExceeded", e.awsErrorDetails().errorCode());
            // Creating one that exists still answers its ARN, and a standard topic still fits.
            assertTrue(s.sns.createTopic(b -> b.name("t7.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn().endsWith(":t7.fifo"));
            s.sns.createTopic(b -> b.name("standard"));
        }
    }

    @Test
    void pastTheStandardQuotaCreateTopicIsRefusedAndDeletingFreesASlot() throws Exception {
        try (SnsServer s = new SnsServer(new SnsApi(SnsServer.DEFAULT_ARN, new Topics(3, 1, System::nanoTime)))) {
            s.sns.createTopic(b -> b.name("a"));
            String b2 = s.sns.createTopic(b -> b.name("b")).topicArn(); // with the default topic: 3
            assertThrows(TopicLimitExceededException.class, () -> s.sns.createTopic(b -> b.name("c")));
            s.sns.deleteTopic(b -> b.topicArn(b2));
            s.sns.createTopic(b -> b.name("c"));
            assertEquals(3, s.sns.listTopics().topics().size());
        }
    }
}
