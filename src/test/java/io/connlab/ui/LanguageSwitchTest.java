package io.connlab.ui;

import io.connlab.app.engine.LabRuntime;
import io.connlab.ui.model.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language menu in the toolbar, as the application itself handles it (ConnLabApp rebuilds
 * the window on the same engine): English to Chinese and back changes the toolbar, a lane's
 * name and state, a table row, the status line and the lesson; the choice is saved and the
 * next start opens in it.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    /** What the status line may say once the window is up: ready, or that the mock has started (it starts with the first window). */
    private static final java.util.Set<String> ENGLISH_STATUS = java.util.Set.of("Ready. Press Start to run.", "Starting the bundled mock: done.");
    private static final java.util.Set<String> CHINESE_STATUS = java.util.Set.of("就绪。点“开始”运行。", "正在启动内置模拟后端：完成。");
    private final String languageBefore = I18n.language();
    private final Preferences node = Preferences.userRoot().node("io/connlab/test/language-switch-" + System.nanoTime());
    private final AtomicReference<LabWindow> shown = new AtomicReference<>();
    private LabRuntime engine;
    private ConnLabApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Starts the application as the launcher does, with this test's engine and preferences. */
    private ConnLabApp launch(FxRobot robot, Stage on) {
        ConnLabApp a = new ConnLabApp();
        ConnLabApp.setup = new ConnLabApp.Setup(() -> engine, () -> new UiPreferences(node), shown::set);
        shown.set(null);
        robot.interact(() -> a.start(on));
        await().atMost(Duration.ofSeconds(20)).until(() -> shown.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return a;
    }

    @AfterEach
    void closeAndForget() throws Exception {
        if (app != null) WaitForAsyncUtils.asyncFx(() -> app.stop()).get(10, TimeUnit.SECONDS);
        if (engine != null) engine.close();
        node.removeNode();
        I18n.use(languageBefore);
        ConnLabApp.setup = new ConnLabApp.Setup(io.connlab.ui.model.LabEngine::idle, UiPreferences::forUser, w -> { });
    }

    @Test
    void switchingToChineseAndBackChangesTheWordsAndIsRememberedForTheNextStart(FxRobot robot) throws Exception {
        engine = new LabRuntime();
        new UiPreferences(node).saveLanguage("en");
        app = launch(robot, stage);
        assertSpeaks(robot, stage, "Start", "Long poll", "idle", "delivered", ENGLISH_STATUS,
                "Why serverless makes persistent connections hard");

        choose(robot, stage, "中文");
        assertSpeaks(robot, stage, "开始", "长轮询", "空闲", "已送达", CHINESE_STATUS, "为什么无服务器架构难以维持长连接");
        assertEquals(Optional.of("zh"), new UiPreferences(node).language(), "the choice is saved");

        // the next start, with the language reset to English: the saved choice wins
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(10, TimeUnit.SECONDS);
        // the first window goes as a quit does: left open, its Chinese "开始" was found instead of the new window's (the flake)
        robot.interact(stage::close);
        I18n.use("en");
        engine = new LabRuntime();
        Stage next = WaitForAsyncUtils.asyncFx((java.util.concurrent.Callable<Stage>) Stage::new).get(10, TimeUnit.SECONDS);
        app = launch(robot, next);
        assertEquals("zh", I18n.language());
        assertSpeaks(robot, next, "开始", "长轮询", "空闲", "已送达", CHINESE_STATUS, "为什么无服务器架构难以维持长连接");

        choose(robot, next, "English");
        assertSpeaks(robot, next, "Start", "Long poll", "idle", "delivered", ENGLISH_STATUS,
                "Why serverless makes persistent connections hard");
        assertEquals(Optional.of("en"), new UiPreferences(node).language());
        robot.interact(next::close);
    }

    /**
     * Issue 21: switching the language cleared the answered cards, their outcomes, the lesson's
     * place, the charts and the toolbar's lesson preset. All of it stays, said in the new language.
     */
    @Test
    void whatTheStudentDidStaysWhenTheLanguageChanges(FxRobot robot) throws Exception {
        engine = new LabRuntime();
        new UiPreferences(node).saveLanguage("en");
        app = launch(robot, stage);
        LabWindow first = shown.get();
        robot.interact(() -> assertTrue(first.lessonPane().open("websocket")));
        io.connlab.lesson.Experiment tooBig = first.lessonPane().lessonProperty().get().experiment("too-big");
        javafx.scene.control.RadioButton right = robot.from(stage.getScene().getRoot()).lookup("#experiment-too-big .experiment-choice")
                .queryAllAs(javafx.scene.control.RadioButton.class).stream().skip(tooBig.prediction().answer()).findFirst().orElseThrow();
        robot.interact(() -> right.setSelected(true));
        robot.interact(() -> robot.from(stage.getScene().getRoot()).lookup("#try-too-big").queryButton().fire());
        await().atMost(Duration.ofSeconds(60)).until(() -> first.runControl().activity() == io.connlab.ui.toolbar.RunControlModel.Activity.IDLE
                && robot.from(stage.getScene().getRoot()).lookup("#result-too-big").queryAs(Label.class).getStyleClass().contains("right"));
        int samples = first.column(io.connlab.metrics.Technique.WEBSOCKET).chart().history().size();
        assertTrue(samples > 0, "the run drew the chart");

        choose(robot, stage, "中文");
        await().atMost(Duration.ofSeconds(10)).until(() -> "开始".equals(robot.from(stage.getScene().getRoot()).lookup("#start").queryAs(Button.class).getText()));
        Node root = stage.getScene().getRoot();
        Label result = robot.from(root).lookup("#result-too-big").queryAs(Label.class);
        assertTrue(result.getStyleClass().contains("right"), "the outcome stays");
        assertTrue(result.getText().startsWith("预测正确"), "said in Chinese: " + result.getText());
        assertTrue(robot.from(root).lookup("#experiment-too-big .experiment-choice").queryAllAs(javafx.scene.control.RadioButton.class)
                .stream().skip(tooBig.prediction().answer()).findFirst().orElseThrow().isSelected(), "the answer stays chosen");
        Label preset = robot.from(root).lookup("#preset-active").queryAs(Label.class);
        assertTrue(preset.isVisible() && preset.getText().startsWith("课程预设"), "the lesson preset stays: " + preset.getText());
        io.connlab.ui.lanes.LaneColumn ws = robot.from(root).lookup((Node n) -> n instanceof io.connlab.ui.lanes.LaneColumn c
                && c.kind() == io.connlab.metrics.Technique.WEBSOCKET).queryAs(io.connlab.ui.lanes.LaneColumn.class);
        assertEquals(samples, ws.chart().history().size(), "the chart stays");
        robot.interact(stage::close);
    }

    /** Picks a language from the toolbar's menu, as a user does; the window is rebuilt in it. */
    private static void choose(FxRobot robot, Stage on, String language) {
        robot.clickOn(robot.from(on.getScene().getRoot()).lookup("#language").queryAs(Node.class));
        robot.clickOn(language);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The toolbar, a lane's name and state, the table's first row, the status line and the lesson's heading say these. */
    private static void assertSpeaks(FxRobot robot, Stage on, String start, String lane, String state, String row, java.util.Set<String> status,
                                     String lessonTitle) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            // only this window's nodes (a query narrows itself, so each lookup starts from the root again);
            // the window is rebuilt on a switch, so its root is read each time
            Node root = on.getScene().getRoot();
            assertEquals(start, robot.from(root).lookup("#start").queryAs(Button.class).getText());
            assertEquals(lane, robot.from(root).lookup("#lane-long-poll .lane-title").queryAs(Label.class).getText());
            assertEquals(state, robot.from(root).lookup("#state-long-poll").queryAs(Label.class).getText());
            assertTrue(robot.from(root).lookup("#comparison").lookup((Node n) -> n instanceof TableCell<?, ?> c && row.equals(c.getText()))
                    .tryQuery().isPresent(), "a table row named " + row);
            String said = robot.from(root).lookup("#status").queryAs(Label.class).getText();
            assertTrue(status.contains(said), "the status line says " + said);
            assertTrue(robot.from(root).lookup("#lesson").lookup((Node n) -> n instanceof Labeled l && lessonTitle.equals(l.getText())
                    || n instanceof Text t && lessonTitle.equals(t.getText())).tryQuery().isPresent(), "the lesson's heading " + lessonTitle);
        });
    }
}
