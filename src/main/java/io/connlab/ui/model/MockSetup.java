package io.connlab.ui.model;

import io.connlab.metrics.RequestApi;

import java.nio.file.Path;

/**
 * The bundled mock's settings the Backend tab offers: which kind of API Gateway API its poll
 * and invoke endpoints play, and a {@code calibrate} output file that makes it behave like a
 * measured live stack. {@link #inEffect} is quick (FX thread); the others restart the mock: background.
 */
public interface MockSetup {

    /**
     * What the mock plays now.
     *
     * @param api             HTTP API (the live stack's, 30 s) or REST API (29 s)
     * @param timeoutSeconds  the gateway's integration timeout for that kind
     * @param coldStartMillis a function container's cold start
     * @param calibratedFrom  the calibrate file in effect, or null
     */
    record InEffect(RequestApi api, int timeoutSeconds, int coldStartMillis, Path calibratedFrom) {
    }

    /** The settings a calibrate file holds: the network ones are the toolbar's to show and apply. */
    record Calibrated(int rttMillis, int jitterMillis, int coldStartMillis, RequestApi api) {
    }

    InEffect inEffect();

    /** The integration timeout, in seconds, that {@code api} gets. */
    int timeoutSeconds(RequestApi api);

    /** Plays another kind of API (restarts the mock on the same ports). */
    void useApi(RequestApi api) throws Exception;

    /** Reads a {@code calibrate} output file and applies it (restarting the mock); {@link IllegalArgumentException} when it is not one. */
    Calibrated useCalibrated(Path file) throws Exception;

    /** Back to the defaults: HTTP API, the default cold start, no calibration. */
    void useDefaults() throws Exception;
}
