package io.connlab.ui.lesson;

import io.connlab.lesson.Experiment;
import io.connlab.lesson.Lesson;
import io.connlab.lesson.LessonLibrary;
import io.connlab.lesson.RunFigures;
import io.connlab.ui.model.I18n;
import io.connlab.ui.toolbar.RunControlModel.Activity;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lessons, on the right of the lanes: a list to pick one, previous and next, the lesson
 * rendered from its Markdown with a card for each experiment, and two buttons for the room:
 * widen (teaching) and hide (a run).
 */
public final class LessonPane extends BorderPane {
    private final LessonLibrary library;
    private final ObservableValue<Activity> activity;
    private final Predicate<Experiment> start;
    private final Supplier<Optional<RunFigures>> lastRun;
    private final Consumer<String> openWeb;
    private final ComboBox<Lesson> list = new ComboBox<>();
    private final ScrollPane scroll = new ScrollPane();
    private final ReadOnlyObjectWrapper<Lesson> shown = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final BooleanProperty wide = new SimpleBooleanProperty(this, "wide");
    private final BooleanProperty collapsed = new SimpleBooleanProperty(this, "collapsed");
    /** Every card's choice and outcome, by experiment id: kept when the student moves between lessons or languages. */
    private final java.util.Map<String, ExperimentCard.Answered> answered = new java.util.HashMap<>();

    /**
     * @param firstId the lesson to open (the one open last time); the first when null or unknown
     * @param start   starts an experiment's run (false when refused)
     * @param openWeb opens a web address in the system browser
     */
    public LessonPane(LessonLibrary library, String firstId, ObservableValue<Activity> activity, Predicate<Experiment> start,
                      Supplier<Optional<RunFigures>> lastRun, Consumer<String> openWeb) {
        this.library = library;
        this.activity = activity;
        this.start = start;
        this.lastRun = lastRun;
        this.openWeb = openWeb;
        getStyleClass().add("lesson-pane");
        setId("lesson");

        list.getItems().setAll(library.lessons());
        list.setId("lesson-list");
        list.setConverter(new StringConverter<>() {
            @Override
            public String toString(Lesson l) {
                return l == null ? "" : l.order() + ". " + l.title();
            }

            @Override
            public Lesson fromString(String s) {
                return null;
            }
        });
        // the closed list says only where you are (the lesson's own heading gives its title): it fits a narrow pane at A+
        list.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Lesson l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? "" : I18n.t("lesson.ofTotal", l.order(), library.lessons().size()));
            }
        });
        list.setTooltip(new Tooltip(I18n.t("lesson.list")));
        list.getStyleClass().add("lesson-list");
        list.setMaxWidth(Double.MAX_VALUE);
        list.valueProperty().addListener((o, a, b) -> { if (b != null) show(b); });
        Button prev = button(Feather.CHEVRON_LEFT, "lesson.previous", "lesson-previous");
        Button next = button(Feather.CHEVRON_RIGHT, "lesson.next", "lesson-next");
        prev.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
        prev.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThanOrEqualTo(0));
        next.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().greaterThanOrEqualTo(library.lessons().size() - 1));
        ToggleButton widen = new ToggleButton(null, new FontIcon(Feather.MAXIMIZE_2));
        widen.setId("lesson-widen");
        widen.setTooltip(new Tooltip(I18n.t("lesson.widen")));
        widen.selectedProperty().bindBidirectional(wide);
        Button hide = button(Feather.CHEVRONS_RIGHT, "lesson.hide", "lesson-hide");
        hide.setOnAction(e -> collapsed.set(true));
        // wraps (widen and hide go below) where a narrow pane at A+ twice would cut them off its right edge
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(prev, list, next, widen, hide);
        // never narrower than its controls: the split gives the lanes less room (they scroll) instead of cutting a word
        for (javafx.scene.Node n : bar.getChildren()) ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.getStyleClass().add("lesson-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);

        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("lesson-scroll");
        setCenter(scroll);
        List<Lesson> all = library.lessons();
        Lesson first = firstId == null ? null : library.lesson(firstId);
        if (first == null && !all.isEmpty()) first = all.get(0);
        if (first != null) list.setValue(first);
    }

    /** The lesson on show. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Widened for teaching: the lesson takes about half the window. */
    public BooleanProperty wideProperty() {
        return wide;
    }

    /** Hidden for a run: only a button to bring it back stays. */
    public BooleanProperty collapsedProperty() {
        return collapsed;
    }

    /**
     * Takes over what a student did in {@code previous} (the same lessons in another language):
     * answered cards and their outcomes, the lesson on show, where it was scrolled, its size.
     */
    public void takeOver(LessonPane previous) {
        answered.putAll(previous.answered);
        wide.set(previous.wide.get());
        collapsed.set(previous.collapsed.get());
        Lesson was = previous.shown.get();
        if (was != null) {
            list.setValue(null); // shown again: its cards now read what was answered
            open(was.id());
        }
        double at = previous.scroll.getVvalue();
        javafx.application.Platform.runLater(() -> {
            scroll.layout();
            scroll.setVvalue(at);
        });
    }

    /** Opens the lesson with that id; false when there is none. */
    public boolean open(String id) {
        Lesson l = library.lesson(id);
        if (l == null) return false;
        list.setValue(l);
        return true;
    }

    private void step(int by) {
        int i = list.getSelectionModel().getSelectedIndex() + by;
        if (i >= 0 && i < list.getItems().size()) list.setValue(list.getItems().get(i));
    }

    private void show(Lesson lesson) {
        MarkdownView view = new MarkdownView(lesson,
                id -> {
                    Experiment e = lesson.experiment(id);
                    return e == null ? null : new ExperimentCard(e, activity, start, lastRun, this::reveal, answered);
                },
                href -> follow(lesson, href));
        scroll.setContent(view.render());
        scroll.setVvalue(0);
        shown.set(lesson);
    }

    /** How long after a reveal the pane follows its own layout (the card's new text, a status line that comes or goes). */
    private static final javafx.util.Duration SETTLING = javafx.util.Duration.millis(1500);

    /**
     * Scrolls the lesson (after the next layout) so that {@code first} to {@code last} are in
     * view, {@code first} winning when both do not fit; nothing when they are in view already.
     * For a moment after, a layout that moves them (the verdict's text and style, the window's
     * status line) scrolls again, so what the student is shown stays shown.
     */
    public void reveal(javafx.scene.Node first, javafx.scene.Node last) {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Node content = scroll.getContent();
            if (content == null || first.getScene() == null) return;
            scrollTo(content, first, last);
            javafx.beans.InvalidationListener again = o -> javafx.application.Platform.runLater(() -> scrollTo(content, first, last));
            content.layoutBoundsProperty().addListener(again);
            scroll.viewportBoundsProperty().addListener(again);
            javafx.animation.PauseTransition settled = new javafx.animation.PauseTransition(SETTLING);
            settled.setOnFinished(e -> {
                content.layoutBoundsProperty().removeListener(again);
                scroll.viewportBoundsProperty().removeListener(again);
            });
            settled.play();
        });
    }

    private void scrollTo(javafx.scene.Node content, javafx.scene.Node first, javafx.scene.Node last) {
        if (scroll.getContent() != content || first.getScene() == null) return;
        // CSS first: the verdict's style and the "why" just set change the card's height, and a
        // layout on stale styles scrolled to where the outcome used to end
        scroll.applyCss();
        scroll.layout();
        double contentHeight = content.getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (contentHeight <= view || view <= 0) return;
        double top = content.sceneToLocal(first.localToScene(first.getLayoutBounds())).getMinY();
        double bottom = content.sceneToLocal(last.localToScene(last.getLayoutBounds())).getMaxY();
        double shownTop = scroll.getVvalue() * (contentHeight - view);
        if (top >= shownTop && bottom <= shownTop + view) return;
        double margin = view * 0.05;
        double want = Math.min(top - margin, bottom + margin - view);
        scroll.setVvalue(Math.max(0, Math.min(1, want / (contentHeight - view))));
    }

    /** A link to another lesson opens it here; a web address opens in the browser. */
    private void follow(Lesson from, String href) {
        String path = from.resolve(href);
        Lesson target = path == null ? null : library.lessonAt(path);
        if (target != null) list.setValue(target);
        else if (href.startsWith("https://") || href.startsWith("http://")) openWeb.accept(href);
    }

    private static Button button(Feather icon, String tipKey, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(I18n.t(tipKey)));
        b.setAccessibleText(I18n.t(tipKey));
        return b;
    }
}
