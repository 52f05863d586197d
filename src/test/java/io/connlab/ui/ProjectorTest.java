package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.toolbar.Theme;
import io.connlab.ui.toolbar.ToolbarModel;
import io.connlab.ui.model.I18n;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window at a projector: 1280×720 with A+ twice (English here, Chinese in {@link ProjectorInChineseTest}), the dark theme, and a field in error. */
@ExtendWith(ApplicationExtension.class)
class ProjectorTest extends OnDemoWindow {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(stage);
    }

    @Test
    void at1280x720WithAPlusTwiceNoVisibleLabelIsCutShort(FxRobot robot) {
        assertFitsAProjector(robot, stage, window);
    }

    /**
     * At 1280×720 with A+ twice, during a run: no visible label ends in "…", the toolbar takes two
     * rows, and the settings behind the gear open in the same type size, uncut.
     */
    static void assertFitsAProjector(FxRobot robot, Stage stage, LabWindow window) {
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#font-bigger").clickOn("#font-bigger");
        WaitForAsyncUtils.waitForFxEvents();
        assertTwoRows(robot.lookup(".lab-toolbar").queryAs(Region.class));

        robot.clickOn("#more-settings");
        WaitForAsyncUtils.waitForFxEvents();
        Node payload = robot.lookup("#payload").query();
        assertEquals(window.appearance().fontSize(), ((javafx.scene.control.TextField) payload).getFont().getSize(), 0.5,
                "the settings popover takes the window's type size");
        List<String> cutInPopover = new ArrayList<>();
        robot.interact(() -> collectCut(payload.getScene().getRoot(), cutInPopover));
        assertTrue(cutInPopover.isEmpty(), "cut short in the settings: " + cutInPopover);
        if (System.getenv("CONNLAB_SHOT") != null) save(robot, payload.getScene(), "target/projector-settings-" + I18n.language() + ".png");
        robot.clickOn("#more-settings");

        robot.clickOn("#start");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> window.column(Technique.LONG_POLL).figures().delivered() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> collectCut(window.root(), cut));
        if (System.getenv("CONNLAB_SHOT") != null) save(robot, window.root().getScene(), "target/projector-" + I18n.language() + ".png");
        assertTrue(cut.isEmpty(), "cut short: " + cut);
        robot.interact(() -> { // the lesson pane's header keeps its last button (») inside the window
            Node hide = robot.lookup("#lesson-hide").query();
            double right = hide.localToScene(hide.getLayoutBounds()).getMaxX();
            assertTrue(right <= hide.getScene().getWidth(), "the lesson header's » ends at " + right);
        });
        assertTwoRows(robot.lookup(".lab-toolbar").queryAs(Region.class));

        robot.clickOn(I18n.t("tab.backend")); // the connections table's headers and the fault buttons
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> !robot.lookup("#connections").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cutInBackend = new ArrayList<>();
        robot.interact(() -> collectCut(robot.lookup("#connections").query(), cutInBackend)); // headers, ids, addresses, buttons
        if (System.getenv("CONNLAB_SHOT") != null) save(robot, window.root().getScene(), "target/projector-backend-" + I18n.language() + ".png");
        assertTrue(cutInBackend.isEmpty(), "cut short in the connections table: " + cutInBackend);
        assertRoomForThreeConnections(robot);
        robot.clickOn(I18n.t("tab.comparison"));
        WaitForAsyncUtils.waitForFxEvents();
        assertStripsWhole(robot);
    }

    /**
     * Issue 21 saw a comparison column stay collapsed to "…" after lanes were hidden and shown again at
     * projector size. Not reproduced here (demo feed, a run going): kept as a guard.
     */
    @Test
    void aComparisonColumnComesBackWholeAfterItsLanesWereHiddenAndShown(FxRobot robot) {
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#font-bigger").clickOn("#font-bigger");
        robot.clickOn("#start");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> window.column(Technique.LONG_POLL).figures().delivered() > 0);
        for (String lane : new String[] {"long-poll", "short-poll", "pooled"}) robot.clickOn("#show-" + lane);
        WaitForAsyncUtils.waitForFxEvents();
        for (String lane : new String[] {"pooled", "short-poll", "long-poll"}) robot.clickOn("#show-" + lane);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            collectCut(robot.lookup("#comparison").query(), cut);
            for (var c : robot.lookup("#comparison").queryAs(javafx.scene.control.TableView.class).getVisibleLeafColumns()) {
                if (((javafx.scene.control.TableColumn<?, ?>) c).getWidth() < 45) cut.add(((javafx.scene.control.TableColumn<?, ?>) c).getId() + " is "
                        + ((javafx.scene.control.TableColumn<?, ?>) c).getWidth() + " px wide");
            }
        });
        assertTrue(cut.isEmpty(), "cut short in the comparison: " + cut);
    }

    /**
     * The Backend tab shows the fault buttons and room for three connection rows without dragging
     * the divider (the demo backend has two connections: both rows are laid out and in view), and
     * the lanes keep room for their strips.
     */
    private static void assertRoomForThreeConnections(FxRobot robot) {
        javafx.scene.control.TableView<?> table = robot.lookup("#connections").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> {
            Region flow = (Region) table.lookup(".virtual-flow");
            Region row = (Region) table.lookup(".table-row-cell");
            assertTrue(flow.getHeight() + 2 >= 3 * row.getHeight(),
                    "the connections table is " + flow.getHeight() + " px high, three rows are " + 3 * row.getHeight());
            Bounds tableOnScene = flow.localToScene(flow.getLayoutBounds());
            double sceneHeight = table.getScene().getHeight();
            assertTrue(tableOnScene.getMinY() + 2 * row.getHeight() <= sceneHeight, "the rows are in the window: " + tableOnScene);
            Node faults = robot.lookup(".fault-bar .button").query();
            assertTrue(faults.localToScene(faults.getLayoutBounds()).getMaxY() <= sceneHeight, "the fault buttons are in view");
        });
    }

    /** Back on the Comparison tab the lanes have their room again: the strips are whole above the tabs. */
    private static void assertStripsWhole(FxRobot robot) {
        robot.interact(() -> {
            Region strip = robot.lookup("#lane-websocket .sequence-strip").queryAs(Region.class);
            Region lanes = robot.lookup("#lanes-scroll").queryAs(Region.class);
            double stripBottom = strip.localToScene(strip.getLayoutBounds()).getMaxY();
            assertTrue(stripBottom <= lanes.localToScene(lanes.getLayoutBounds()).getMaxY() + 1,
                    "the lanes' strips stay whole above the tabs: strip ends at " + stripBottom);
        });
    }

    /** With CONNLAB_SHOT set: a picture to look at (the window, or the settings popover). */
    private static void save(FxRobot robot, javafx.scene.Scene scene, String file) {
        robot.interact(() -> {
            try {
                WindowPicture.of(scene).save(java.nio.file.Path.of(file));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    /** The toolbar's controls sit on at most two lines, and the toolbar is no taller than two of its rows. */
    private static void assertTwoRows(Region toolbar) {
        List<Bounds> controls = new ArrayList<>();
        collectControls(toolbar, controls);
        controls.sort(java.util.Comparator.comparingDouble(Bounds::getMinY));
        int rows = 0;
        double rowBottom = Double.NEGATIVE_INFINITY;
        double tallest = 0;
        for (Bounds b : controls) {
            if (b.getMinY() >= rowBottom - 1) rows++; // below everything on the row so far: a new row
            rowBottom = Math.max(rowBottom, b.getMaxY());
            tallest = Math.max(tallest, b.getHeight());
        }
        assertTrue(rows <= 2, "the toolbar takes " + rows + " rows");
        double twoRows = 2 * tallest + toolbar.getInsets().getTop() + toolbar.getInsets().getBottom()
                + ((javafx.scene.layout.VBox) toolbar).getSpacing() + 2;
        assertTrue(toolbar.getHeight() <= twoRows, "toolbar " + toolbar.getHeight() + " px high, two rows are " + twoRows);
    }

    private static void collectControls(Node n, List<Bounds> out) {
        if (!n.isVisible() || !n.isManaged()) return;
        if (n instanceof Control) {
            out.add(n.localToScene(n.getLayoutBounds()));
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectControls(c, out);
    }

    static void collectCut(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node text = l.lookup(".text");
            String shown = text instanceof javafx.scene.text.Text t ? t.getText() : l.getText();
            boolean cut = shown != null && !shown.equals(l.getText()) && (shown.endsWith("…") || shown.endsWith("..."));
            if (cut) out.add(l.getText() + " → " + shown);
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectCut(c, out);
    }

    @Test
    void inTheDarkThemeEveryCanvasMarkStandsOutFromItsGround(FxRobot robot) {
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PRIMER_DARK));
        WaitForAsyncUtils.waitForFxEvents();
        Palette palette = robot.lookup("#lane-websocket .sequence-strip").queryAs(io.connlab.ui.canvas.SequenceStrip.class).palette();
        Color ground = palette.color(Palette.Role.CANVAS);
        List<String> weak = new ArrayList<>();
        for (Palette.Role r : List.of(Palette.Role.FG, Palette.Role.MUTED, Palette.Role.DANGER, Palette.Role.SUCCESS,
                Palette.Role.WARNING)) {
            double c = contrast(palette.color(r), ground);
            if (c < 3) weak.add(r + " " + String.format("%.2f", c));
        }
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            double c = contrast(palette.lane(k), ground);
            if (c < 3) weak.add(k + " " + String.format("%.2f", c));
        }
        assertTrue(weak.isEmpty(), "below 3:1 on " + ground + ": " + weak);
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void startIsDisabledWhileAFieldIsInvalidAndTheStatusLineNamesIt(FxRobot robot) {
        Button start = robot.lookup("#start").queryButton();
        double toolbarHeight = robot.lookup(".lab-toolbar").query().getBoundsInParent().getHeight();
        assertFalse(start.isDisabled());
        robot.interact(() -> {
            window.toolbarModel().rateProperty().set("0");
            window.toolbarModel().clientsProperty().set("lots");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(start.isDisabled());
        String status = robot.lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("rate") && status.contains("clients"), status);
        assertEquals(toolbarHeight, robot.lookup(".lab-toolbar").query().getBoundsInParent().getHeight(), 0.5,
                "the field's message does not push the toolbar down");
        robot.interact(() -> {
            window.toolbarModel().rateProperty().set("5");
            window.toolbarModel().clientsProperty().set("1");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(start.isDisabled());
        assertFalse(robot.lookup("#status").queryAs(Label.class).getText().contains("fix the fields"));
    }
}
