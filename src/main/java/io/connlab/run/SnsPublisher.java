package io.connlab.run;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Publishes through the real AWS SDK SnsClient: to the mock via its endpoint, or to real SNS unchanged. */
public final class SnsPublisher implements Publisher {
    /** Form encoding, SigV4 headers and the request line of a Query API Publish, roughly. */
    private static final int REQUEST_OVERHEAD_BYTES = 900;
    private final SnsClient sns;
    private final String topicArn;

    /**
     * @param endpointOverride the mock's SNS endpoint, or null for real SNS in {@code region}
     */
    public SnsPublisher(URI endpointOverride, Region region, AwsCredentialsProvider credentials, String topicArn) {
        var builder = SnsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)));
        if (endpointOverride != null) builder.endpointOverride(endpointOverride);
        this.sns = builder.build();
        this.topicArn = topicArn;
    }

    @Override
    public void publish(String text) throws PublishException {
        try {
            sns.publish(r -> r.topicArn(topicArn).message(text));
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
