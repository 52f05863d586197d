package io.connlab.ui.profile;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.endpoint.MockAdminClient;
import io.connlab.fixtures.InProcessMock;
import io.connlab.mock.MockConfig;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.NetworkSettings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: on a {@code serve} profile the fault buttons were greyed with no reason and the RTT slider showed a
 * value the served mock did not play. A student's profile (no instructor key) now says why beside the greyed
 * buttons; the instructor's profile drives the served mock's admin API: the buttons and the RTT act on it.
 */
@ExtendWith(ApplicationExtension.class)
class ServedMockControlsTest extends OnRealEngineWindow {
    private static final String KEY = "instructor-key-1";
    @RegisterExtension
    final InProcessMock served = new InProcessMock(MockConfig.defaults().withToken("class42").withInstructorKey(KEY));

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void use(FxRobot robot, String file, EndpointProfile profile) {
        Path path = folder.resolve(file);
        EndpointProfiles.save(path, profile);
        robot.interact(() -> window.toolbarModel().backendProperty().set(BackendChoice.profile(path)));
    }

    /** The instructor's own admin client, as the window's (it carries the key). */
    private MockAdminClient admin() {
        return new MockAdminClient(served.profile().withInstructorKey(KEY));
    }

    private static Button dropButton(FxRobot robot) {
        return robot.lookup(".fault-bar .button").queryAs(Button.class);
    }

    private static Node rtt(FxRobot robot) {
        return robot.lookup("#rtt").queryAs(Slider.class).getParent();
    }

    @Test
    void aStudentsProfileSaysWhyAndTheInstructorsDrivesTheServedMock(FxRobot robot) throws Exception {
        EndpointProfile student = served.profile().toBuilder().adminUrl(null).connectionsUrl(null).build();
        use(robot, "student.json", student);
        robot.clickOn(I18n.t("tab.backend")); // the fault bar joins the scene when its tab is first shown
        Label why = robot.lookup("#faults-why").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> why.isVisible());
        assertEquals(I18n.t("faults.why.student"), why.getText());
        assertTrue(dropButton(robot).isDisabled());
        assertTrue(rtt(robot).isDisabled(), "the slider does not pretend to set the served mock's RTT");
        Label status = robot.lookup("#status").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> status.getText().endsWith(I18n.t("faults.why.student")));

        use(robot, "instructor.json", served.profile().withInstructorKey(KEY));
        await().atMost(Duration.ofSeconds(10)).until(() -> !why.isVisible());
        assertFalse(dropButton(robot).isDisabled());
        assertFalse(rtt(robot).isDisabled());

        WebSocket student1 = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(served.profile().websocketConnectUri().toString()), new WebSocket.Listener() { })
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().connections().size() == 1);
        Button drop = dropButton(robot);
        robot.interact(drop::fire); // the bar may sit in a collapsed panel at this window size: fire it as a click would
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().connections().isEmpty());
        student1.abort();

        engine.applyNetwork(new NetworkSettings(77, 3, 1)); // what the slider sends during a run
        assertEquals(77, served.mock().network().rttMillis());
        assertEquals(0, backend.mock().network().rttMillis(), "the other mock is untouched");
    }
}
