package io.connlab.lesson;

import io.connlab.endpoint.EndpointProfile;

/**
 * A bundled mock started for one experiment, set up as its preset says. The app provides it
 * (the lesson package never reaches into the mock); closing it stops that mock.
 */
public interface ExperimentBackend extends AutoCloseable {
    /** The endpoints to run against; the profile has the mock's admin URL for the faults. */
    EndpointProfile profile();

    @Override
    void close();

    /** Starts a backend for a setup. */
    @FunctionalInterface
    interface Factory {
        ExperimentBackend start(BackendSetup setup) throws Exception;
    }
}
