package io.connlab.app;

import io.connlab.app.engine.Backend;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.lesson.BackendSetup;
import io.connlab.lesson.ExperimentBackend;
import io.connlab.mock.MockConfig;

/** An experiment's bundled mock, in this process on free loopback ports, set up as its preset says. */
public final class MockExperimentBackend implements ExperimentBackend {
    private final Backend backend;

    private MockExperimentBackend(Backend backend) {
        this.backend = backend;
    }

    public static ExperimentBackend start(BackendSetup setup) throws Exception {
        return new MockExperimentBackend(Backend.mock(MockConfig.defaults()
                .withTimeScale(setup.timeScale())
                .withNetwork(setup.rttMillis(), setup.jitterMillis())
                .withDbMaxConnections(setup.maxConnections())));
    }

    @Override
    public EndpointProfile profile() {
        return backend.profile();
    }

    @Override
    public void close() {
        backend.close();
    }
}
