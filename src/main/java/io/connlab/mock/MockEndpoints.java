package io.connlab.mock;

/**
 * Where a running mock backend can be reached. The field names match the client's
 * endpoint profile, which is the mock's only contract with the client.
 */
public record MockEndpoints(String websocketUrl, String pollUrl, String snsEndpoint, String topicArn,
                            String region, String invokeUrl, String connectionsUrl, String adminUrl) {
}
