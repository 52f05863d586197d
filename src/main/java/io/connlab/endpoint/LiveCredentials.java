package io.connlab.endpoint;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Credentials for a live profile: its named {@code ~/.aws/config} profile (SSO, {@code aws login} and
 * assume-role ones included: the SDK's sso, signin and sts modules ship with the app) or
 * the SDK's chain without EC2 instance metadata. Keys never pass through ConnLab's files; a
 * failure becomes one sentence that names the fix.
 */
public final class LiveCredentials {
    /** Settings that would send an SDK client somewhere other than AWS: ignored for live profiles. */
    private static final List<String> ENDPOINT_ENV = List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SNS");
    private static final List<String> ENDPOINT_PROPERTIES = List.of("aws.endpointUrl", "aws.endpointUrlSns");

    private LiveCredentials() {
    }

    /** The provider for a live profile. */
    public static AwsCredentialsProvider provider(EndpointProfile profile) {
        if (profile.awsProfile() == null) return AwsAccess.liveChain();
        return ProfileCredentialsProvider.builder().profileName(profile.awsProfile()).build();
    }

    /** Resolves the credentials once: empty when they work, else what is wrong and how to fix it. */
    public static Optional<String> problem(EndpointProfile profile) {
        AwsCredentialsProvider provider = provider(profile);
        try {
            provider.resolveCredentials();
            return Optional.empty();
        } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
            // SdkException: a client-side failure, or a service's answer (STS or Sign-In refusing, for these profiles)
            return Optional.of(explain(profile.awsProfile(), e));
        } finally {
            if (provider instanceof AutoCloseable c) closeQuietly(c);
        }
    }

    /** A failed resolution, in the user's terms. */
    static String explain(String awsProfile, Exception e) {
        if (awsProfile == null) {
            return "No AWS credentials found (environment, ~/.aws/credentials, default profile). Run 'aws configure',"
                    + " or 'aws sso login --profile NAME' and set the endpoint profile's AWS profile to NAME.";
        }
        Optional<Profile> p = ProfileFile.defaultProfileFile().profile(awsProfile);
        if (p.isEmpty()) {
            return "There is no profile '" + awsProfile + "' in " + configFile() + ". Create it with 'aws configure sso --profile "
                    + awsProfile + "' (or 'aws configure --profile " + awsProfile + "').";
        }
        String missing = missingModule(e);
        if (missing != null) {
            return "Profile '" + awsProfile + "' needs the AWS SDK's '" + missing + "' module, which this ConnLab build lacks."
                    + " Use a profile with SSO or access keys (see 'aws configure list-profiles'), or a full ConnLab build.";
        }
        if (p.get().property("login_session").isPresent()) {
            return "The 'aws login' session for profile '" + awsProfile + "' has expired or was never started (" + firstLine(e)
                    + "): run 'aws login --profile " + awsProfile + "'.";
        }
        boolean sso = p.get().property("sso_start_url").isPresent() || p.get().property("sso_session").isPresent();
        if (sso) {
            return "The SSO session for profile '" + awsProfile + "' has expired or was never started: run 'aws sso login --profile "
                    + awsProfile + "'.";
        }
        return "Profile '" + awsProfile + "' gives no usable credentials (" + firstLine(e) + "). Check it with 'aws sts get-caller-identity --profile "
                + awsProfile + "'.";
    }

    /**
     * Endpoint redirections set in this process's environment (AWS_ENDPOINT_URL and friends): live
     * SDK clients are pinned to AWS's own endpoint, so these are reported, never silently followed.
     */
    public static List<String> ignoredEndpointSettings() {
        List<String> found = new ArrayList<>();
        for (String e : ENDPOINT_ENV) if (System.getenv(e) != null) found.add(e + "=" + System.getenv(e));
        for (String s : ENDPOINT_PROPERTIES) if (System.getProperty(s) != null) found.add("-D" + s + "=" + System.getProperty(s));
        return found;
    }

    /** The SDK module a profile kind needs and the class path lacks ("sts", "signin", "sso"), from the SDK's message; else null. */
    private static String missingModule(Exception e) {
        String m = e.getMessage();
        if (m == null || !m.contains("service module must be on the class path")) return null;
        java.util.regex.Matcher module = java.util.regex.Pattern.compile("the '([a-z]+)' service module").matcher(m);
        return module.find() ? module.group(1) : "?";
    }

    private static String configFile() {
        String p = ProfileFileSystemSetting.AWS_CONFIG_FILE.getStringValue().orElse("~/.aws/config");
        return p;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing held that matters
        }
    }
}
