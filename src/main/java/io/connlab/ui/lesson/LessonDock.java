package io.connlab.ui.lesson;

import io.connlab.ui.model.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Puts the lesson pane beside the lanes and gives it its three sizes: normal (a fifth of the
 * width), wide for teaching (half), and hidden for a run (a thin button that brings it back).
 */
public final class LessonDock {
    private static final double NORMAL = 0.72;
    private static final double WIDE = 0.45;

    private final SplitPane split;
    private final LessonPane pane;
    private final Button show = new Button(null, new FontIcon(Feather.BOOK_OPEN));

    public LessonDock(Node lanes, LessonPane pane) {
        this.pane = pane;
        split = new SplitPane(lanes);
        show.setId("lesson-show");
        show.getStyleClass().add("lesson-show");
        show.setTooltip(new Tooltip(I18n.t("lesson.show")));
        show.setAccessibleText(I18n.t("lesson.show"));
        show.setMaxHeight(Double.MAX_VALUE);
        show.setOnAction(e -> pane.collapsedProperty().set(false));
        SplitPane.setResizableWithParent(pane, false);
        SplitPane.setResizableWithParent(show, false);
        pane.collapsedProperty().addListener((o, a, b) -> arrange());
        pane.wideProperty().addListener((o, a, b) -> arrange());
        arrange();
    }

    public SplitPane node() {
        return split;
    }

    private void arrange() {
        Node side = pane.collapsedProperty().get() ? show : pane;
        if (split.getItems().size() < 2) split.getItems().add(side);
        else split.getItems().set(1, side);
        split.setDividerPositions(pane.collapsedProperty().get() ? 0.98 : pane.wideProperty().get() ? WIDE : NORMAL);
    }
}
