package io.connlab.ui.profile;

import io.connlab.app.engine.MockSettingsFile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.metrics.RequestApi;
import io.connlab.metrics.Technique;
import io.connlab.mock.ApiKind;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** Start on a live profile asks before spending above bench's threshold; the mock's API kind and calibration from the Backend tab. */
@ExtendWith(ApplicationExtension.class)
class LiveRunAndMockSettingsTest extends OnRealEngineWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }

    private void settings(FxRobot robot, String rate, String duration, String clients) {
        ToolbarModel t = window.toolbarModel();
        robot.interact(() -> {
            t.rateProperty().set(rate);
            t.durationProperty().set(duration);
            t.clientsProperty().set(clients);
        });
    }

    @Test
    void aDearLiveRunAsksFirstAndACheapOneShowsItsCostWhileLanesWithoutAnEndpointAreUnavailable(FxRobot robot) throws Exception {
        // a "live" stack that is the mock's WebSocket only, as the unmodified chat sample would be
        EndpointProfiles.save(folder.resolve("chat.json"), ProfilesDialogTest.live("Chat sample", backend.profile().websocketUrl()));
        BackendChooser chooser = robot.lookup("#backend").queryAs(BackendChooser.class);
        robot.clickOn("#backend"); // opening the chooser reads the folder again
        await().atMost(Duration.ofSeconds(10)).until(() -> chooser.getItems().size() == 3);
        robot.clickOn("Chat sample");
        await().atMost(Duration.ofSeconds(10)).until(() -> window.toolbarModel().backendProperty().get().profile() != null
                && engine.liveCost(io.connlab.run.RunSettings.teaching()).isPresent());

        settings(robot, "100", "1 min", "10");
        assertTrue(engine.liveCost(window.toolbarModel().settings().orElseThrow()).orElseThrow().needsConfirmation());
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#live-run-confirm").tryQuery().isPresent());
        DialogPane ask = robot.lookup("#live-run-confirm").queryAs(DialogPane.class);
        assertTrue(ask.getContentText().contains("Live run on Chat sample: about $"), ask.getContentText());
        assertTrue(ask.getContentText().contains("Throttles: 2,000 requests/s on the HTTP stage (500 on /invoke), 10,000/s for all the account's APIs"),
                ask.getContentText());
        assertTrue(ask.getContentText().contains("the same threshold as bench --yes"), ask.getContentText());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunControlModel.Activity.IDLE, window.runControl().activity(), "cancelled: nothing started");

        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#live-run-start").tryQuery().isPresent());
        robot.clickOn("#live-run-start");
        await().atMost(Duration.ofSeconds(15)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        assertTrue(status(robot).contains("about $"), status(robot));
        await().atMost(Duration.ofSeconds(10)).until(() -> window.column(Technique.WEBSOCKET).figures().delivered() > 0);
        // the chat sample has no poll or invoke URL: those lanes say so, and are not errors
        await().atMost(Duration.ofSeconds(5)).until(() -> "unavailable: this backend has no poll URL"
                .equals(window.column(Technique.LONG_POLL).figures().detail()));
        assertEquals("unavailable: this backend has no invoke URL", window.column(Technique.POOL_POOLED).figures().detail());
        assertFalse(window.column(Technique.LONG_POLL).figures().state().troubled());
        await().atMost(Duration.ofSeconds(5)).until(() -> window.runControl().clickWouldStop(System.nanoTime())); // past the double-click guard
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(15)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);

        // below the threshold: no question, the cost in the status line
        settings(robot, "2", "3 s", "1");
        robot.clickOn("#start");
        await().atMost(Duration.ofSeconds(15)).until(() -> window.runControl().activity() == RunControlModel.Activity.RUNNING);
        assertFalse(robot.lookup("#live-run-confirm").tryQuery().isPresent());
        assertTrue(status(robot).contains("Live run on Chat sample: about $0.0000"), status(robot));
        await().atMost(Duration.ofSeconds(20)).until(() -> window.runControl().activity() == RunControlModel.Activity.IDLE);
    }

    @Test
    void theBackendTabSetsTheMocksApiKindAndCalibration(FxRobot robot) throws Exception {
        robot.clickOn("Backend");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.mockSetup().isPresent());
        @SuppressWarnings("unchecked")
        ChoiceBox<RequestApi> api = robot.lookup("#mock-api").queryAs(ChoiceBox.class);
        Label inEffect = robot.lookup("#mock-settings-in-effect").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> inEffect.getText().contains("cold start 300 ms"));
        assertEquals("HTTP API · 30 s timeout · $1.00 per million", api.getConverter().toString(api.getValue()));
        robot.interact(() -> api.setValue(RequestApi.REST_API));
        await().atMost(Duration.ofSeconds(15)).until(() -> engine.mockSetup().orElseThrow().inEffect().api() == RequestApi.REST_API);
        assertEquals("REST API · 29 s timeout · $3.50 per million", api.getConverter().toString(api.getValue()));

        Path file = folder.resolve("calibrated.json");
        MockSettingsFile.write(file, new MockSettingsFile.Settings(80, 6, 900, ApiKind.HTTP_API), null);
        robot.interact(() -> robot.lookup("#mock-settings").queryAs(io.connlab.ui.backend.MockSettingsBar.class).useCalibrated(file));
        await().atMost(Duration.ofSeconds(15)).until(() -> inEffect.getText().contains("calibrated from calibrated.json"));
        assertTrue(inEffect.getText().contains("cold start 900 ms"), inEffect.getText());
        assertEquals(RequestApi.HTTP_API, api.getValue(), "the calibrate file's API kind is shown");
        assertEquals(80, window.toolbarModel().rttMillisProperty().get(), "the round trip goes to the toolbar's slider");
        assertEquals(6, window.toolbarModel().jitterMillisProperty().get());
    }
}
