package io.connlab.run;

import io.connlab.endpoint.AwsAccess;
import io.connlab.endpoint.EndpointProfile;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Publishes through the real AWS SDK SnsClient: to the mock via its endpoint, or to real SNS unchanged,
 * each message carrying its room as the String attribute {@code room}.
 */
public final class SnsPublisher implements Publisher {
    /** Form encoding, SigV4 headers and the request line of a Query API Publish, roughly. */
    private static final int REQUEST_OVERHEAD_BYTES = 900;
    private final SnsClient sns;
    private final String topicArn;
    private final Map<String, MessageAttributeValue> room;

    public SnsPublisher(EndpointProfile profile, String room) {
        this.sns = AwsAccess.snsClient(profile);
        this.topicArn = profile.topicArn();
        this.room = Map.of("room", MessageAttributeValue.builder().dataType("String").stringValue(room).build());
    }

    @Override
    public void publish(String text) throws PublishException {
        try {
            sns.publish(r -> r.topicArn(topicArn).message(text).messageAttributes(room));
        } catch (SnsException e) {
            var details = e.awsErrorDetails();
            String why = details == null ? e.getMessage() : details.errorCode() + ": " + details.errorMessage();
            throw new PublishException("SNS refused the publish (" + why + ")", e);
        } catch (SdkClientException e) {
            throw new PublishException("SNS could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public long estimatedRequestBytes(String text) {
        // URL-encoded JSON grows by roughly a fifth (quotes, braces, colons become %XX).
        return REQUEST_OVERHEAD_BYTES + Math.round(text.getBytes(StandardCharsets.UTF_8).length * 1.2);
    }

    @Override
    public void close() {
        sns.close();
    }
}
