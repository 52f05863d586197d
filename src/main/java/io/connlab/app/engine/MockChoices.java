package io.connlab.app.engine;

import io.connlab.metrics.RequestApi;
import io.connlab.mock.ApiKind;
import io.connlab.mock.MockConfig;
import io.connlab.ui.model.MockSetup;

import java.nio.file.Path;

/**
 * The Backend tab's choices for the bundled mock: its API kind and a calibrate file. They are
 * kept here and applied each time the mock starts; changing one restarts a running mock.
 */
final class MockChoices implements MockSetup {
    private final LabRuntime runtime;
    private volatile ApiKind api = ApiKind.HTTP_API;
    private volatile int coldStartMillis = MockConfig.DEFAULT_COLD_START_MILLIS;
    private volatile Path calibratedFrom;

    MockChoices(LabRuntime runtime) {
        this.runtime = runtime;
    }

    /** The mock's config with these choices (network conditions stay the toolbar's). */
    MockConfig applyTo(MockConfig c) {
        return c.withApiKind(api).withColdStartMillis(coldStartMillis);
    }

    /** How the comparison table prices poll and invoke requests on the mock. */
    RequestApi requestApi() {
        return requestApi(api);
    }

    static RequestApi requestApi(ApiKind kind) {
        return kind == ApiKind.REST_API ? RequestApi.REST_API : RequestApi.HTTP_API;
    }

    @Override
    public InEffect inEffect() {
        return new InEffect(requestApi(), timeoutSeconds(requestApi()), coldStartMillis, calibratedFrom);
    }

    @Override
    public int timeoutSeconds(RequestApi kind) {
        return (int) (kind(kind).integrationTimeoutMillis() / 1000);
    }

    @Override
    public void useApi(RequestApi kind) throws Exception {
        if (kind(kind) == api) return;
        api = kind(kind);
        runtime.reconfigureMock();
    }

    @Override
    public Calibrated useCalibrated(Path file) throws Exception {
        MockSettingsFile.Settings s = MockSettingsFile.read(file);
        api = s.api();
        coldStartMillis = s.coldStartMillis();
        calibratedFrom = file;
        runtime.reconfigureMock();
        return new Calibrated(s.rttMillis(), s.jitterMillis(), s.coldStartMillis(), requestApi());
    }

    @Override
    public void useDefaults() throws Exception {
        api = ApiKind.HTTP_API;
        coldStartMillis = MockConfig.DEFAULT_COLD_START_MILLIS;
        calibratedFrom = null;
        runtime.reconfigureMock();
    }

    private static ApiKind kind(RequestApi r) {
        return r == RequestApi.REST_API ? ApiKind.REST_API : ApiKind.HTTP_API;
    }
}
