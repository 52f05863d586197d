package io.connlab.app;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.mock.MockEndpoints;

/** Turns a running mock's endpoints into the client's endpoint profile: the app is where the two meet. */
final class Profiles {
    private Profiles() {
    }

    static EndpointProfile profileOf(String name, MockEndpoints e, String token) {
        return new EndpointProfile(name, EndpointProfile.Kind.MOCK, e.websocketUrl(), token, e.pollUrl(),
                e.snsEndpoint(), e.topicArn(), e.region(), e.invokeUrl(), e.connectionsUrl(), e.adminUrl());
    }

    static String mockProfileJson(String name, MockEndpoints e, String token) {
        return EndpointProfiles.toJson(profileOf(name, e, token));
    }
}
