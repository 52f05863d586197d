package io.connlab.app;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.lesson.BackendSetup;
import io.connlab.lesson.ExperimentBackend;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;

/** An experiment's bundled mock, in this process on free loopback ports, set up as its preset says. */
public final class MockExperimentBackend implements ExperimentBackend {
    private final MockBackend mock;
    private final EndpointProfile profile;

    private MockExperimentBackend(MockBackend mock) {
        this.mock = mock;
        this.profile = Profiles.profileOf("Bundled mock", mock.endpoints(), null);
    }

    public static ExperimentBackend start(BackendSetup setup) throws Exception {
        return new MockExperimentBackend(MockBackend.start(MockConfig.defaults()
                .withTimeScale(setup.timeScale())
                .withNetwork(setup.rttMillis(), setup.jitterMillis())
                .withDbMaxConnections(setup.maxConnections())));
    }

    @Override
    public EndpointProfile profile() {
        return profile;
    }

    @Override
    public void close() {
        mock.close();
    }
}
