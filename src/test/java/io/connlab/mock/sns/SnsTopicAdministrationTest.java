package io.connlab.mock.sns;

import io.connlab.mock.http.ClassKeys;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 5: on a served mock with an instructor key, nobody else can delete the class topic
 * (every publish would then fail with NotFound) or create topics; a student still publishes with the
 * real AWS SDK, whatever keys its credentials hold. The key travels as the access key id.
 */
class SnsTopicAdministrationTest {
    private static final String KEY = "instructor-7f3a9c";
    @AutoClose
    private final SnsServer s = recordingWithKeys();
    @AutoClose
    private final SnsClient student = client("class42");
    @AutoClose
    private final SnsClient instructor = client(KEY);

    private static SnsServer recordingWithKeys() {
        try {
            SnsServer s = new SnsServer(new SnsApi(SnsServer.DEFAULT_ARN, new ClassKeys("class42", KEY)));
            s.api.subscribe(SnsServer.DEFAULT_ARN, s.received::add);
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SnsClient client(String accessKeyId) {
        return SnsClient.builder().endpointOverride(s.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "any")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void aStudentPublishesButCannotDeleteOrCreateATopic() {
        student.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("hello"));
        var e = assertThrows(AuthorizationErrorException.class, () -> student.deleteTopic(b -> b.topicArn(SnsServer.DEFAULT_ARN)));
        assertEquals(403, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("instructor key"), e.getMessage());
        assertThrows(AuthorizationErrorException.class, () -> s.sns.deleteTopic(b -> b.topicArn(SnsServer.DEFAULT_ARN)),
                "the mock's dummy keys are no better");
        assertThrows(AuthorizationErrorException.class, () -> student.createTopic(b -> b.name("mine")));
        student.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("still there"));
        assertEquals(List.of("hello", "still there"), s.received);
        assertEquals(1, student.listTopics().topics().size(), "reading stays open");
    }

    @Test
    void theInstructorAdministersTopicsWithTheKeyAsAccessKeyIdOrBearer() throws Exception {
        String arn = instructor.createTopic(b -> b.name("lesson2")).topicArn();
        instructor.deleteTopic(b -> b.topicArn(arn));
        assertEquals(1, instructor.listTopics().topics().size());
        HttpResponse<String> curl = s.send(HttpRequest.newBuilder(s.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("Action=DeleteTopic&TopicArn=" + SnsServer.DEFAULT_ARN)));
        assertEquals(200, curl.statusCode(), curl.body());
        assertThrows(NotFoundException.class, () -> student.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message("x")));
    }
}
