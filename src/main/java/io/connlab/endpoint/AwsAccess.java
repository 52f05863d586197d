package io.connlab.endpoint;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * AWS credentials, region and an {@link SnsClient} for a profile. The mock gets static
 * dummy keys (it does not check signatures); a live profile gets the usual chain
 * (environment, system properties, {@code ~/.aws} profile file, container) but not EC2
 * instance metadata: on a laptop IMDS probing only stalls the app for seconds before failing.
 */
public final class AwsAccess {
    /** The keys the mock accepts: any well-formed keys do, these say where they come from. */
    public static final AwsBasicCredentials MOCK_CREDENTIALS = AwsBasicCredentials.create("connlab-mock", "connlab-mock-secret");

    static {
        // Belt and braces for "EC2 metadata is never probed": a named profile could still point the
        // SDK at instance metadata (credential_source = Ec2InstanceMetadata); on a laptop that only stalls.
        if (System.getProperty("aws.disableEc2Metadata") == null) System.setProperty("aws.disableEc2Metadata", "true");
    }

    private AwsAccess() {
    }

    public static Region region(EndpointProfile profile) {
        return Region.of(profile.region());
    }

    /** Static dummy credentials for the mock; for a live stack its named AWS profile, or the chain without IMDS. */
    public static AwsCredentialsProvider credentials(EndpointProfile profile) {
        if (profile.kind() == EndpointProfile.Kind.MOCK) return StaticCredentialsProvider.create(MOCK_CREDENTIALS);
        return LiveCredentials.provider(profile);
    }

    /** The credential chain for live stacks, in the SDK default order minus EC2 instance metadata. */
    public static AwsCredentialsProviderChain liveChain() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ProfileCredentialsProvider.create(),
                        ContainerCredentialsProvider.create())
                .build();
    }

    /**
     * An SNS client for the profile's topic: the mock's endpoint override when it has one, real
     * SNS otherwise. Uses the JDK URLConnection HTTP client (no extra threads). Close it after use.
     */
    public static SnsClient snsClient(EndpointProfile profile) {
        if (!profile.hasSns()) throw new IllegalArgumentException("endpoint profile '" + profile.name() + "' has no SNS topic");
        SnsClientBuilder b = SnsClient.builder()
                .region(region(profile))
                .credentialsProvider(credentials(profile))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)));
        if (profile.snsEndpoint() != null) b.endpointOverride(URI.create(profile.snsEndpoint()));
        else b.endpointOverride(awsEndpoint(profile));
        return b.build();
    }

    /**
     * SNS's own endpoint for the profile's region. Set explicitly so that AWS_ENDPOINT_URL or an
     * endpoint_url in ~/.aws/config (often left over from LocalStack) cannot send a live run elsewhere.
     */
    static String snsHost(EndpointProfile profile) {
        return profile.snsEndpoint() != null ? URI.create(profile.snsEndpoint()).getHost() : awsEndpoint(profile).getHost();
    }

    static URI awsEndpoint(EndpointProfile profile) {
        return URI.create("https://" + SnsClient.serviceMetadata().endpointFor(region(profile)));
    }
}
