package io.connlab.mock.sns;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Topic;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real AWS SDK SnsClient against the mock. */
class SnsApiSdkTest {
    @AutoClose
    private final SnsServer s = SnsServer.recording();
    private final List<String> received = s.received;

    private List<String> topicArns() {
        return s.sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
    }

    @Test
    void publishReachesTheSubscriberAndReturnsAMessageId() {
        String text = "{\"seq\":1,\"sentAt\":2} & <tags> \u00fcn\u00efc\u00f6de \uD83D\uDE00 + %20";
        PublishResponse r = s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message(text).subject("Run 1")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("x").build())));
        assertNotNull(r.messageId());
        assertFalse(r.messageId().isEmpty());
        assertNotNull(r.responseMetadata().requestId());
        assertEquals(List.of(text), received);
        assertEquals(1, s.api.published());
    }

    @Test
    void publishAcceptsTargetArn() {
        s.sns.publish(b -> b.targetArn(SnsServer.DEFAULT_ARN).message("via target"));
        assertEquals(List.of("via target"), received);
    }

    @Test
    void aThrowingSubscriberBreaksNeitherThePublishNorTheOthers() {
        List<String> second = new CopyOnWriteArrayList<>();
        SnsApi api = s.api;
        api.subscribe(SnsServer.DEFAULT_ARN, m -> {
            throw new IllegalStateException("subscriber bug");
        });
        api.subscribe(SnsServer.DEFAULT_ARN, second::add);
        assertNotNull(s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("m")).messageId());
        assertEquals(List.of("m"), received);
        assertEquals(List.of("m"), second);
    }

    @Test
    void createListAndDeleteTopicsRoundTrip() {
        CreateTopicResponse created = s.sns.createTopic(b -> b.name("orders"));
        assertEquals("arn:aws:sns:us-east-1:000000000000:orders", created.topicArn());
        assertEquals(created.topicArn(), s.sns.createTopic(b -> b.name("orders")).topicArn(), "idempotent");
        assertEquals(List.of(SnsServer.DEFAULT_ARN, created.topicArn()), topicArns());

        List<String> orders = new CopyOnWriteArrayList<>();
        s.api.subscribe(created.topicArn(), orders::add);
        s.sns.publish(b -> b.topicArn(created.topicArn()).message("order 1"));
        assertEquals(List.of("order 1"), orders);
        assertTrue(received.isEmpty(), "other topics' subscribers get nothing");

        s.sns.deleteTopic(b -> b.topicArn(created.topicArn()));
        assertEquals(List.of(SnsServer.DEFAULT_ARN), topicArns());
        s.sns.deleteTopic(b -> b.topicArn(created.topicArn())); // like AWS: deleting a missing topic succeeds
        NotFoundException gone = assertThrows(NotFoundException.class,
                () -> s.sns.publish(b -> b.topicArn(created.topicArn()).message("order 2")));
        assertEquals(404, gone.statusCode());
    }

    @Test
    void listTopicsPagesByAHundred() throws Exception {
        // created concurrently over raw HTTP: one by one, 150 SDK calls would make the test slow
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            creates.add(s.http.sendAsync(HttpRequest.newBuilder(s.endpoint())
                    .POST(HttpRequest.BodyPublishers.ofString(String.format("Action=CreateTopic&Name=t%03d", i))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : creates) assertEquals(200, c.get(30, TimeUnit.SECONDS).statusCode());
        ListTopicsResponse first = s.sns.listTopics();
        assertEquals(100, first.topics().size());
        assertNotNull(first.nextToken());
        ListTopicsResponse second = s.sns.listTopics(b -> b.nextToken(first.nextToken()));
        assertEquals(51, second.topics().size());
        assertNull(second.nextToken());
        assertEquals(151, topicArns().stream().distinct().count());
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> s.sns.listTopics(b -> b.nextToken("not a token!")));
        assertEquals("InvalidParameter", bad.awsErrorDetails().errorCode());
    }

    @Test
    void fifoTopicsNeedTheSuffixTheAttributeAndAGroupId() {
        String arn = s.sns.createTopic(b -> b.name("runs.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        assertEquals("arn:aws:sns:us-east-1:000000000000:runs.fifo", arn);
        expectInvalid("Topic Name", () -> s.sns.createTopic(b -> b.name("plain.fifo")));
        expectInvalid("Topic Name", () -> s.sns.createTopic(b -> b.name("plain").attributes(Map.of("FifoTopic", "true"))));
        expectInvalid("MessageGroupId", () -> s.sns.publish(b -> b.topicArn(arn).message("m")));
        PublishResponse r = s.sns.publish(b -> b.topicArn(arn).message("m").messageGroupId("g").messageDeduplicationId("d1"));
        assertNotNull(r.sequenceNumber());
    }

    @Test
    void unknownTopicIsNotFound404() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> s.sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:nope").message("m")));
        assertEquals(404, e.statusCode());
        assertEquals("NotFound", e.awsErrorDetails().errorCode());
        assertEquals("Topic does not exist", e.awsErrorDetails().errorMessage());
        assertNotNull(e.requestId());
        assertOtherClientsStillServed();
    }

    @Test
    void aMessageOver256KiBIsTooLong() {
        String limit = "x".repeat(SnsApi.MAX_MESSAGE_BYTES);
        s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message(limit));
        assertEquals(limit, received.get(0));
        expectInvalid("Message too long", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message(limit + "x")));
        String wide = "\u00e9".repeat(SnsApi.MAX_MESSAGE_BYTES / 2 + 1); // 2 bytes each in UTF-8
        expectInvalid("Message too long", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message(wide)));
        assertEquals(1, received.size());
        assertOtherClientsStillServed();
    }

    @Test
    void badPublishParametersAreInvalidParameter() {
        expectInvalid("Empty message", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("")));
        expectInvalid("TopicArn or TargetArn Reason: no value for required parameter",
                () -> s.sns.publish(b -> b.message("m")));
        expectInvalid("TopicArn Reason: An ARN must have at least 6 elements, not 1",
                () -> s.sns.publish(b -> b.topicArn("not-an-arn").message("m")));
        expectInvalid("Invalid parameter: TopicArn",
                () -> s.sns.publish(b -> b.topicArn("arn:aws:s3:us-east-1:000000000000:bucket").message("m")));
        expectInvalid("Invalid parameter: TargetArn",
                () -> s.sns.publish(b -> b.targetArn("arn:aws:sns:us-east-1:000000000000:bad name").message("m")));
        expectInvalid("Subject", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("m").subject("two\nlines")));
        expectInvalid("Subject", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("m").subject("s".repeat(100))));
        expectInvalid("Topic Name", () -> s.sns.createTopic(b -> b.name("bad name!")));
        expectInvalid("Topic Name", () -> s.sns.createTopic(b -> b.name("n".repeat(257))));
        expectInvalid("TopicArn", () -> s.sns.deleteTopic(b -> b.topicArn("arn:aws:sns:only-five:parts")));
        assertTrue(received.isEmpty());
        assertOtherClientsStillServed();
    }

    @Test
    void jsonMessageStructureDeliversTheLambdaOrDefaultText() {
        s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).messageStructure("json")
                .message("{\"default\":\"for all\",\"email\":\"for mail\"}"));
        s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).messageStructure("json")
                .message("{\"default\":\"for all\",\"lambda\":\"for functions\"}"));
        assertEquals(List.of("for all", "for functions"), received);
        expectInvalid("failed to parse", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN)
                .messageStructure("json").message("not json")));
        expectInvalid("No default entry", () -> s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN)
                .messageStructure("json").message("{\"email\":\"x\"}")));
    }

    private void expectInvalid(String messagePart, Runnable call) {
        SnsException e = assertThrows(SnsException.class, call::run);
        assertInstanceOf(InvalidParameterException.class, e, e.getMessage());
        assertEquals(400, e.statusCode());
        assertEquals("InvalidParameter", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains(messagePart), e.awsErrorDetails().errorMessage());
    }

    private void assertOtherClientsStillServed() {
        try {
            assertEquals(200, s.post("Action=ListTopics").statusCode(), "another client is still served");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertNotNull(s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("after")).messageId());
        assertEquals("after", received.get(received.size() - 1));
    }
}
