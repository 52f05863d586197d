package io.connlab.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary ~/.aws/config and ~/.aws/credentials for one test, through the SDK's
 * {@code aws.configFile} / {@code aws.sharedCredentialsFile} system properties; close restores them.
 */
final class AwsConfigFiles implements AutoCloseable {
    private final String oldConfig = System.getProperty("aws.configFile");
    private final String oldCredentials = System.getProperty("aws.sharedCredentialsFile");
    final Path config;

    AwsConfigFiles(Path dir, String config, String credentials) throws IOException {
        this.config = dir.resolve("config");
        Path creds = dir.resolve("credentials");
        Files.writeString(this.config, config);
        Files.writeString(creds, credentials);
        System.setProperty("aws.configFile", this.config.toString());
        System.setProperty("aws.sharedCredentialsFile", creds.toString());
    }

    static final String CONFIG = """
            [profile lab]
            region = eu-west-1

            [profile lab-sso]
            sso_start_url = https://example.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 123456789012
            sso_role_name = ConnLabInstructor
            region = eu-west-1

            [profile broken]
            region = eu-west-1
            """;

    static final String CREDENTIALS = """
            [lab]
            aws_access_key_id = AKIDLABPROFILE
            aws_secret_access_key = lab-secret
            """;

    @Override
    public void close() {
        restore("aws.configFile", oldConfig);
        restore("aws.sharedCredentialsFile", oldCredentials);
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
