package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.mock.MockEndpoints;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a command or the window runs against: a deployed stack's endpoint profile, or the
 * bundled mock started here (closed with this). The app is where the client and the mock
 * meet: this class turns a running mock's endpoints into the client's profile.
 */
public final class Backend implements AutoCloseable {
    /** The profile name the bundled mock goes by. */
    public static final String MOCK_NAME = "Bundled mock";

    private final EndpointProfile profile;
    private final MockBackend mock;

    private Backend(EndpointProfile profile, MockBackend mock) {
        this.profile = profile;
        this.mock = mock;
    }

    /**
     * The profile in {@code profileFile}, or when it is null the bundled mock started with {@code mockConfig}.
     *
     * @throws IllegalArgumentException or {@link java.io.UncheckedIOException} when the profile is
     *                                  invalid or unreadable, with a message for the user
     * @throws IOException              when the mock cannot start (a port taken)
     */
    public static Backend open(Path profileFile, MockConfig mockConfig) throws IOException {
        return profileFile == null ? mock(mockConfig) : new Backend(EndpointProfiles.load(profileFile), null);
    }

    /** Starts the bundled mock. */
    public static Backend mock(MockConfig config) throws IOException {
        MockBackend started = MockBackend.start(config);
        return new Backend(profileOf(MOCK_NAME, started.endpoints(), null), started);
    }

    public EndpointProfile profile() {
        return profile;
    }

    /** The bundled mock when this backend is it. */
    public Optional<MockBackend> mock() {
        return Optional.ofNullable(mock);
    }

    @Override
    public void close() {
        if (mock != null) mock.close();
    }

    /** A running mock's endpoints as the client's endpoint profile. */
    public static EndpointProfile profileOf(String name, MockEndpoints e, String token) {
        return new EndpointProfile(name, EndpointProfile.Kind.MOCK, e.websocketUrl(), token, e.pollUrl(),
                e.snsEndpoint(), e.topicArn(), e.region(), e.invokeUrl(), e.connectionsUrl(), e.adminUrl());
    }

    /** The same, as the JSON a user saves and loads in the window. */
    public static String mockProfileJson(String name, MockEndpoints e, String token) {
        return EndpointProfiles.toJson(profileOf(name, e, token));
    }
}
