package io.connlab.app.engine;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.metrics.RequestApi;
import io.connlab.mock.ApiKind;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.MockSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The Backend tab's mock settings reach the running mock: its API kind's 504, a calibrate file's cold start. */
class MockChoicesTest {
    @TempDir
    Path folder;
    private LabRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startTheBundledMockAtTimeScale60() throws Exception {
        runtime = new LabRuntime(new LibraryProfiles(new ProfileLibrary(folder)));
        runtime.useBackend(BackendChoice.mock());
        runtime.restartMock(60.0); // 29 s of gateway time pass in under half a second
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    /**
     * A long poll that waits 0.49 s: at time scale 60 the gateway's timeout is 29 s / 60 = 483 ms
     * for a REST API (cut off: 504) and 30 s / 60 = 500 ms for an HTTP API (answered: 200).
     */
    private int pollBetweenTheTwoTimeouts() throws Exception {
        String poll = runtime.profile().pollUrl();
        return http.send(HttpRequest.newBuilder(URI.create(poll + "?cursor=0&wait=0.49")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theApiKindChosenInTheWindowIsTheOneTheMockPlays() throws Exception {
        MockSetup setup = runtime.mockSetup().orElseThrow();
        assertEquals(RequestApi.HTTP_API, setup.inEffect().api());
        assertEquals(30, setup.inEffect().timeoutSeconds());
        assertEquals(200, pollBetweenTheTwoTimeouts());

        setup.useApi(RequestApi.REST_API);
        assertEquals(ApiKind.REST_API, runtime.mockConfig().apiKind());
        assertEquals(60.0, runtime.mockConfig().timeScale().factor(), "the restart keeps the time scale");
        assertEquals(29, setup.inEffect().timeoutSeconds());
        assertEquals(504, pollBetweenTheTwoTimeouts(), "a REST API cuts the integration off at 29 s");

        setup.useApi(RequestApi.HTTP_API);
        assertEquals(200, pollBetweenTheTwoTimeouts());
    }

    @Test
    void aCalibrateFileSetsTheColdStartAndApiAndSaysWhereItCameFrom() throws Exception {
        Path file = folder.resolve("calibrated.json");
        MockSettingsFile.write(file, new MockSettingsFile.Settings(80, 6, 900, ApiKind.REST_API), null);
        MockSetup.Calibrated c = runtime.mockSetup().orElseThrow().useCalibrated(file);
        assertEquals(new MockSetup.Calibrated(80, 6, 900, RequestApi.REST_API), c);
        assertEquals(900, runtime.mockConfig().coldStartMillis());
        assertEquals(file, runtime.mockSetup().orElseThrow().inEffect().calibratedFrom());
        assertEquals(504, pollBetweenTheTwoTimeouts());

        Path notOne = folder.resolve("not.json");
        java.nio.file.Files.writeString(notOne, "{\"rttMillis\": -3}");
        var e = assertThrows(IllegalArgumentException.class, () -> runtime.mockSetup().orElseThrow().useCalibrated(notOne));
        assertTrue(e.getMessage().contains("rttMillis"), e.getMessage());
        runtime.mockSetup().orElseThrow().useDefaults();
        assertEquals(ApiKind.HTTP_API, runtime.mockConfig().apiKind());
        assertNull(runtime.mockSetup().orElseThrow().inEffect().calibratedFrom());
    }

    @Test
    void aLiveProfileIsPricedBeforeItsRunAndTheMockIsNot() throws Exception {
        RunSettings dear = RunSettings.teaching().withRate(1000).withClients(100).withDuration(java.time.Duration.ofMinutes(10));
        assertTrue(runtime.liveCost(dear).isEmpty(), "the mock costs nothing");
        Path live = folder.resolve("live.json");
        io.connlab.endpoint.EndpointProfiles.save(live, new EndpointProfile("chat", EndpointProfile.Kind.LIVE,
                "wss://chat.example/Prod", null, null, null, null, "eu-west-1", null, null, null, null, "websocket"));
        runtime.useBackend(BackendChoice.profile(live));
        var cost = runtime.liveCost(dear).orElseThrow();
        assertTrue(cost.needsConfirmation(), cost.toString());
        assertEquals("WebSocket", cost.lanes(), "only the lanes the stack can run are priced");
        assertFalse(runtime.liveCost(RunSettings.teaching().withDuration(java.time.Duration.ofSeconds(2))).orElseThrow()
                .needsConfirmation());
    }
}
