package io.connlab.ui.profile;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The Profiles dialog in the real window, on the real engine, saving to a temporary profile folder. */
@ExtendWith(ApplicationExtension.class)
class ProfilesDialogTest extends OnRealEngineWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theDialogListsEditsValidatesAndSavesAProfile(FxRobot robot) throws Exception {
        Path saved = folder.resolve("stack-a.json");
        EndpointProfiles.save(saved, live("Stack A", "wss://abc.execute-api.eu-west-1.amazonaws.com/dev"));
        openProfiles(robot);
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        assertEquals("wss://abc.execute-api.eu-west-1.amazonaws.com/dev",
                robot.lookup("#profile-websocket-url").queryAs(TextField.class).getText());

        Button save = robot.lookup("#profile-save").queryAs(Button.class);
        robot.clickOn("#profile-region").eraseText(9).write("ireland");
        assertEquals("must look like us-east-1", message(robot, "region"));
        assertTrue(save.isDisabled(), "Save waits for a valid profile");
        set(robot, "poll-url", "ftp://example.com/poll");
        assertEquals("must be an https:// or http:// URL with a host", message(robot, "poll-url"));
        set(robot, "region", "eu-west-1");
        set(robot, "poll-url", "https://abc.execute-api.eu-west-1.amazonaws.com/dev/poll");
        set(robot, "aws-profile", "workshop");
        set(robot, "name", "Stack B");
        assertEquals("", message(robot, "region"));
        assertFalse(save.isDisabled());

        robot.clickOn("#profile-save");
        Path renamed = folder.resolve("stack-b.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(renamed) && !Files.exists(saved));
        EndpointProfile back = EndpointProfiles.load(renamed);
        assertEquals("Stack B", back.name());
        assertEquals("workshop", back.awsProfile());
        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/dev/poll", back.pollUrl());
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1
                && list(robot).getItems().get(0).name().equals("Stack B"));
        // the backend chooser offers it by name, before "Manage profiles…"
        var chooser = window.toolbarModel();
        assertNotNull(chooser);
        BackendChooser box = robot.lookup("#backend").queryAs(BackendChooser.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> box.getItems().size() == 3);
        assertEquals(BackendChooser.MANAGE, box.getItems().get(2));
        assertEquals(renamed, box.getItems().get(1).choice().profile());
    }

    @Test
    void newDuplicateAndDeleteWithConfirmation(FxRobot robot) throws Exception {
        EndpointProfiles.save(folder.resolve("one.json"), live("One", "wss://one.example/dev"));
        openProfiles(robot);
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        robot.clickOn("#profile-duplicate").clickOn("#profile-save");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve("one-copy.json")));
        robot.clickOn("#profile-new");
        assertEquals("required", message(robot, "websocket-url"));
        assertTrue(robot.lookup("#profile-save").queryAs(Button.class).isDisabled());

        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 2);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        robot.clickOn("#profile-delete");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#profile-delete-confirm").tryQuery().isPresent());
        robot.clickOn("OK");
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1);
        assertFalse(Files.exists(folder.resolve("one.json")), "the first in the list, One, was deleted");
    }

    private void importText(FxRobot robot, String text) {
        robot.clickOn("#profile-import");
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#import-text").tryQuery().isPresent());
        TextArea area = robot.lookup("#import-text").queryAs(TextArea.class);
        robot.interact(() -> area.setText(text));
        robot.clickOn("#import-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void importReadsEachFormatAndSaysWhenTextIsNoneOfThem(FxRobot robot) throws Exception {
        openProfiles(robot);
        // 1. a saved profile, as deploy.sh writes it
        importText(robot, EndpointProfiles.toJson(live("Deployed", "wss://d.example/dev")));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve("deployed.json")));
        // 2. the whole output of connlab serve
        String serve = "ConnLab mock backend is running (stage dev)\n\n  WebSocket  " + backend.profile().websocketUrl() + "\n\n"
                + "Endpoint profile:\n" + EndpointProfiles.toJson(backend.profile().withName("Class laptop")) + "\nPress Ctrl+C to stop.\n";
        importText(robot, serve);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve("class-laptop.json")));
        assertEquals(backend.profile().pollUrl(), EndpointProfiles.load(folder.resolve("class-laptop.json")).pollUrl());
        // 3. aws cloudformation describe-stacks
        String stacks = """
                {"Stacks": [{"StackName": "chat", "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/chat/x",
                  "Outputs": [{"OutputKey": "WebSocketURI", "OutputValue": "wss://chat.execute-api.eu-west-1.amazonaws.com/Prod"}]}]}
                """;
        importText(robot, stacks);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve("chat-eu-west-1.json")));
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 3);
        // none of them: the dialog stays open and says what it looked for
        importText(robot, "hello, this is not a profile");
        Label why = robot.lookup("#import-message").queryAs(Label.class);
        assertTrue(why.getText().contains("found no profile"), why.getText());
        assertTrue(robot.lookup("#import-text").tryQuery().isPresent(), "the import dialog stays open");
        robot.clickOn("Cancel");
    }

    @Test
    void testConnectionSaysOkOnTheMockAndRefusedOnAClosedPort(FxRobot robot) throws Exception {
        EndpointProfiles.save(folder.resolve("mock.json"), backend.profile().withName("Mock"));
        openProfiles(robot);
        await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        robot.clickOn("#test-connection");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#test-result-websocket").tryQuery().isPresent());
        VBox results = robot.lookup("#test-results").queryAs(VBox.class);
        for (String endpoint : new String[]{"websocket", "poll", "invoke", "sns"}) {
            String line = robot.lookup("#test-result-" + endpoint).queryAs(Label.class).getText();
            assertTrue(line.contains("— ok"), line);
        }
        assertEquals(4, results.getChildren().size());

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        set(robot, "websocket-url", "ws://127.0.0.1:" + closed + "/dev");
        set(robot, "poll-url", "http://127.0.0.1:" + closed + "/dev/poll");
        robot.clickOn("#test-connection");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#test-result-websocket").tryQuery().isPresent());
        String ws = robot.lookup("#test-result-websocket").queryAs(Label.class).getText();
        assertTrue(ws.contains("connection refused") && ws.contains("is the backend running?"), ws);
        String poll = robot.lookup("#test-result-poll").queryAs(Label.class).getText();
        assertTrue(poll.contains("connection refused"), poll);
    }

    @Test
    void aSilentServerCanBeCancelledAndOtherwiseTimesOut(FxRobot robot) throws Exception {
        // accepts the connection (the kernel's backlog) and never answers: the WebSocket handshake waits
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            EndpointProfiles.save(folder.resolve("silent.json"), live("Silent", "ws://127.0.0.1:" + silent.getLocalPort() + "/dev"));
            openProfiles(robot);
            await().atMost(Duration.ofSeconds(5)).until(() -> list(robot).getItems().size() == 1);
            robot.interact(() -> list(robot).getSelectionModel().select(0));
            robot.clickOn("#test-connection");
            assertTrue(robot.lookup("#test-progress").query().isVisible());
            robot.clickOn("#test-cancel");
            assertEquals("Test cancelled", robot.lookup("#test-summary").queryAs(Label.class).getText());
            assertTrue(robot.lookup("#test-connection").query().isVisible(), "ready for another try at once");
            assertEquals(0, robot.lookup("#test-results").queryAs(VBox.class).getChildren().size());

            robot.clickOn("#test-connection");
            await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#test-result-websocket").tryQuery().isPresent());
            String ws = robot.lookup("#test-result-websocket").queryAs(Label.class).getText();
            assertTrue(ws.contains("timed out") && ws.contains("did not answer in time"), ws);
        }
    }
}
