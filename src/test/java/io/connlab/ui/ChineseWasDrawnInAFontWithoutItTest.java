package io.connlab.ui;

import io.connlab.lesson.Lesson;
import io.connlab.lesson.LessonLibrary;
import io.connlab.ui.dialog.Dialogs;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.Scripts;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: on a laptop without Chinese fonts the outcome card's "measured" line (monospace)
 * and the Import dialog (a window of its own, without the window's font) fell back to system
 * fonts and showed boxes. Every Chinese text of the window, each lesson with its cards, and a
 * dialog must ask for the bundled family (whose glyphs BundledFontCoversChineseTest checks);
 * a text in any other family may hold only Latin, which every font has.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWasDrawnInAFontWithoutItTest extends OnDemoWindow {

    @Start
    void start(Stage stage) {
        I18n.use("zh");
        open(stage);
    }

    @AfterEach
    void backToEnglish() {
        I18n.use("en");
    }

    @Test
    void everyChineseTextOfTheWindowItsLessonsAndADialogAsksForTheBundledFont(FxRobot robot) throws Exception {
        String bundled = Fonts.family().orElseThrow(() -> new AssertionError("the build bundles a CJK font"));
        List<String> wrong = new ArrayList<>();
        for (Lesson l : LessonLibrary.fromClasspath("zh").lessons()) {
            robot.interact(() -> window.lessonPane().open(l.id()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(window.root(), bundled, l.id(), wrong));
        }
        // a dialog as the window opens them (the Import dialog, the live-run confirmation, the profile questions)
        Alert alert = WaitForAsyncUtils.asyncFx(() -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("profiles.discardAsk", "课程"), Dialogs.ok(), Dialogs.cancel());
            a.initOwner(window.root().getScene().getWindow());
            Dialogs.dress(a.getDialogPane(), a.getOwner());
            a.show();
            return a;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            check(alert.getDialogPane(), bundled, "dialog", wrong);
            assertEquals(List.of("确定", "取消"), alert.getDialogPane().getButtonTypes().stream().map(ButtonType::getText).toList());
            alert.close();
        });
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " Chinese texts in another font:\n" + String.join("\n", wrong.stream().limit(20).toList()));
    }

    /** Notes every text under {@code node} that has Chinese in a family other than the bundled one. */
    private static void check(Node node, String bundled, String where, List<String> wrong) {
        node.applyCss();
        if (node instanceof Text t && Scripts.needsWideFont(t.getText()) && !bundled.equals(t.getFont().getFamily())) {
            String s = t.getText().length() > 40 ? t.getText().substring(0, 40) + "…" : t.getText();
            wrong.add(where + ": '" + s + "' in " + t.getFont().getFamily() + " (" + t.getStyleClass() + " in "
                    + (t.getParent() == null ? "" : t.getParent().getStyleClass()) + ")");
        }
        if (node instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) check(c, bundled, where, wrong);
    }
}
