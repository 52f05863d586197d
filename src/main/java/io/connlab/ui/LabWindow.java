package io.connlab.ui;

import io.connlab.lesson.LessonLibrary;
import io.connlab.metrics.Format;
import io.connlab.metrics.Prices;
import io.connlab.metrics.Technique;
import io.connlab.ui.lesson.LessonDock;
import io.connlab.ui.lesson.LessonPane;
import io.connlab.ui.model.I18n;
import io.connlab.ui.backend.BackendPanel;
import io.connlab.ui.backend.BackendRoom;
import io.connlab.ui.backend.FaultBar;
import io.connlab.ui.backend.MockSettingsBar;
import io.connlab.ui.toolbar.LiveRunPrompt;
import io.connlab.ui.profile.ProfilesWindow;
import io.connlab.ui.canvas.Palette;
import io.connlab.ui.comparison.ComparisonMode;
import io.connlab.ui.comparison.ComparisonTable;
import io.connlab.ui.lanes.LaneColumn;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.FrameMeter;
import io.connlab.ui.model.FrameStats;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.StripTime;
import io.connlab.ui.canvas.SequenceStrip;
import io.connlab.ui.toolbar.AppearanceModel;
import io.connlab.ui.toolbar.LabToolbar;
import io.connlab.ui.toolbar.RunControlModel;
import io.connlab.ui.toolbar.Theme;
import io.connlab.ui.toolbar.ToolbarModel;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The lab's window: toolbar, lane columns side by side, lesson on the right, comparison
 * table and backend panel below, a status line. Assembles the views, binds them to their
 * models; {@link FrameLoop} reads the engine once per frame, {@link FileDialogs} does the file actions.
 */
public final class LabWindow {

    private final LabEngine engine;
    private final UiPreferences prefs;
    private final Executor background;
    private final ToolbarModel toolbar = new ToolbarModel();
    private final AppearanceModel look = new AppearanceModel();
    private final RunControlModel run;
    private final Palette palette = new Palette();
    private final Map<Technique, LaneColumn> columns = new EnumMap<>(Technique.class);
    private final ComparisonTable comparison;
    private ComparisonMode compareMode; // set after the toolbar that opens it
    private final BackendPanel backendPanel;
    private final Tab backendTab;
    private final MockSettingsBar mockSettings;
    private final ProfilesWindow profiles;
    private final BorderPane root = new BorderPane();
    private final AnimationTimer frames;
    private final FrameMeter frameMeter = new FrameMeter();
    private final StripTime stripTime = new StripTime(SequenceStrip.WINDOW_MICROS);
    private final LessonPane lessons;
    private volatile java.util.function.Consumer<String> linkOpener = url -> { };
    private java.util.function.Consumer<String> languageChosen = language -> { };
    private Stage stage;
    private boolean closed;

    /**
     * @param background serial executor for the engine's blocking calls (start, stop, faults)
     * @param io         executor for the backend panel's fetches
     */
    public LabWindow(LabEngine engine, UiPreferences prefs, Executor background, Executor io) {
        this.engine = engine;
        this.prefs = prefs;
        this.background = background;
        prefs.loadInto(toolbar);
        prefs.loadInto(look);
        Executor fx = javafx.application.Platform::runLater;
        run = new RunControlModel(toolbar, engine, background, fx);

        profiles = engine.profiles().map(store -> new ProfilesWindow(store, io, toolbar.backendProperty())).orElse(null);
        Runnable manageProfiles = () -> { if (profiles != null) profiles.open(root); };
        LabToolbar bar = new LabToolbar(toolbar, run, look,
                new FileDialogs(engine, run, toolbar, root, f -> compareMode.compare(f), manageProfiles).actions());
        bar.addAppearance(languageChoice());
        if (profiles != null) profiles.offerIn(bar.backendChooser());
        run.checkBeforeStart(new LiveRunPrompt(engine, run, () -> root.getScene() == null ? null : root.getScene().getWindow()));

        HBox lanes = new HBox();
        lanes.getStyleClass().add("lanes");
        lanes.setId("lanes");
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            LaneColumn c = new LaneColumn(k, palette);
            c.visibleProperty().bind(toolbar.shownProperty(k));
            c.managedProperty().bind(c.visibleProperty());
            c.hideButton().setOnAction(e -> toolbar.shownProperty(k).set(false));
            c.onStripScroll(stripTime::scrollBack);
            columns.put(k, c);
            lanes.getChildren().add(c);
        }
        // on a small screen with large type the columns keep their minimum and scroll
        ScrollPane lanesScroll = new ScrollPane(lanes);
        lanesScroll.setFitToWidth(true);
        lanesScroll.setFitToHeight(true);
        lanesScroll.getStyleClass().add("edge-to-edge");
        lanesScroll.setId("lanes-scroll");
        // ScrollPaneSkin caches its viewport as a bitmap; the strips change every frame, so the
        // cache would be re-rendered whole every frame (in software on machines without a GPU)
        lanesScroll.skinProperty().addListener((o, a, b) -> {
            Node viewport = lanesScroll.lookup(".viewport");
            if (viewport != null) viewport.setCache(false);
        });
        UiPreferences.LessonPlace place = prefs.lessonPlace();
        lessons = new LessonPane(LessonLibrary.fromClasspath(I18n.language()), place.lessonId(), run.activityProperty(),
                run::startExperiment, engine::lastRunFigures, url -> linkOpener.accept(url));
        lessons.wideProperty().set(place.wide());
        lessons.collapsedProperty().set(place.collapsed());
        javafx.scene.layout.StackPane lanesSlot = new javafx.scene.layout.StackPane(lanesScroll); // or a comparison of saved runs
        SplitPane top = new LessonDock(lanesSlot, lessons).node();

        comparison = new ComparisonTable(ToolbarModel.WINDOW_LANES, toolbar::shownProperty);
        var mock = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> toolbar.backendProperty().get().isMock(), toolbar.backendProperty());
        FaultBar faults = new FaultBar(engine::faults, run, run.noMockControlProperty());
        backendPanel = new BackendPanel(faults, engine::backendPanel, run, io, fx, mock);
        // the cost estimate's footnote, as bench prints it under its table
        Label footnote = new Label(I18n.t("table.footnote", Format.ESTIMATE_MARK, Prices.CURRENT.region(), Prices.CURRENT.checked().toString()));
        footnote.setId("comparison-footnote");
        footnote.getStyleClass().add("footnote");
        footnote.setWrapText(true);
        javafx.scene.layout.VBox comparisonBox = new javafx.scene.layout.VBox(comparison, footnote);
        javafx.scene.layout.VBox.setVgrow(comparison, javafx.scene.layout.Priority.ALWAYS);
        Tab comparisonTab = new Tab(I18n.t("tab.comparison"), comparisonBox);
        compareMode = new ComparisonMode(lanesSlot, comparisonTab, palette, background, fx);
        compareMode.acceptDrops(root, run.activityProperty().isNotEqualTo(RunControlModel.Activity.IDLE));
        mockSettings = new MockSettingsBar(engine::mockSetup, run, toolbar, mock);
        mockSettings.restore(prefs.mockApi(), prefs.mockCalibrated().orElse(null));
        // below the panel: the fault buttons keep their place at the top, in view in a small window
        javafx.scene.layout.VBox backendBox = new javafx.scene.layout.VBox(6, backendPanel, mockSettings);
        javafx.scene.layout.VBox.setVgrow(backendPanel, javafx.scene.layout.Priority.ALWAYS);
        backendTab = new Tab(I18n.t("tab.backend"));
        ShownOnce.content(backendTab, backendBox); // not in the lab's first frame: its CSS and layout wait for a click
        TabPane bottom = new TabPane(comparisonTab, backendTab);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.setId("bottom-tabs");

        SplitPane center = new SplitPane(top, bottom);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.70);
        compareMode.resizeWith(center);
        BackendRoom.keep(center, backendTab, backendPanel.connectionTable(), look.fontSizeProperty());

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(run.statusProperty());
        Label machineWarning = new Label();
        machineWarning.setId("machine-warning");
        machineWarning.getStyleClass().add("machine-warning");
        // a one-line badge beside the status, the full text in its tooltip: under load it must not take the table's room
        machineWarning.setTooltip(new javafx.scene.control.Tooltip());
        machineWarning.getTooltip().setWrapText(true);
        machineWarning.getTooltip().setMaxWidth(600);
        machineWarning.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        machineWarning.setVisible(false);
        machineWarning.setManaged(false);
        status.setMinWidth(0); // a long outcome gives way to the badge; its tooltip keeps the whole of it
        javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox statusBar = new javafx.scene.layout.HBox(8, status, new io.connlab.ui.toolbar.PresetBadge(toolbar, run), machineWarning);
        statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        root.setTop(bar);
        root.setCenter(center);
        root.setBottom(statusBar);
        root.getChildren().add(palette.node());
        root.getStyleClass().add("lab");
        root.getStylesheets().add(LabWindow.class.getResource("lab.css").toExternalForm());
        // the bundled CJK font for every word (both languages: the language menu says 中文), else the theme's
        Fonts.load();
        Fonts.stylesheet().ifPresent(root.getStylesheets()::add);
        String family = Fonts.family().map(f -> "-fx-font-family: \"" + f + "\"; ").orElse("");
        root.styleProperty().bind(look.fontSizeProperty().asString(java.util.Locale.ROOT, family + "-fx-font-size: %.0fpx;"));
        look.themeProperty().addListener((o, a, b) -> applyTheme(b));
        applyTheme(look.themeProperty().get());
        run.activityProperty().addListener((o, a, b) -> {
            if (b != RunControlModel.Activity.STARTING) return;
            columns.values().forEach(LaneColumn::clearChart);
            compareMode.leave(); // a run is shown live
        });

        frames = new FrameLoop(engine, run, columns.values(), comparison, backendPanel, backendTab, frameMeter, stripTime,
                machineWarning);
    }

    public Parent root() {
        return root;
    }

    /** Who rebuilds the window in another language ("en", "zh"); the app sets it, tests may leave it unset. */
    public void onLanguageChosen(java.util.function.Consumer<String> handler) {
        languageChosen = handler;
    }

    /** The language menu: English or 中文, each written in its own language. Switching is allowed between runs. */
    private javafx.scene.control.ChoiceBox<String> languageChoice() {
        var choice = new javafx.scene.control.ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(I18n.LANGUAGES));
        choice.setId("language");
        choice.setTooltip(new javafx.scene.control.Tooltip(I18n.t("toolbar.language")));
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String l) {
                return l == null ? "" : I18n.t("language." + l);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        choice.setValue(I18n.language());
        choice.disableProperty().bind(run.activityProperty().isNotEqualTo(RunControlModel.Activity.IDLE));
        choice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(I18n.language())) languageChosen.accept(b);
        });
        return choice;
    }

    /**
     * Takes over what the student sees in {@code previous}, the same window in another language
     * on the same engine: the toolbar (and a lesson's preset in it), the strips' moment, the
     * latency charts, the lesson on show with its answered cards and outcomes. Before {@link #show}.
     */
    public void takeOver(LabWindow previous) {
        toolbar.takeOver(previous.toolbar);
        stripTime.takeOver(previous.stripTime);
        columns.forEach((k, c) -> c.chart().takeOver(previous.columns.get(k).chart()));
        lessons.takeOver(previous.lessons);
    }

    /** How a web link in a lesson is opened (the app's HostServices; tests leave it doing nothing). */
    public void openLinksWith(java.util.function.Consumer<String> opener) {
        linkOpener = opener;
    }

    public LessonPane lessonPane() {
        return lessons;
    }

    public ToolbarModel toolbarModel() {
        return toolbar;
    }

    public AppearanceModel appearance() {
        return look;
    }

    public RunControlModel runControl() {
        return run;
    }

    public LaneColumn column(Technique kind) {
        return columns.get(kind);
    }

    /** Two saved runs shown instead of the live lanes and table ("Save ▾ → Compare two saved runs…"). */
    public ComparisonMode comparisonMode() {
        return compareMode;
    }

    public ComparisonTable comparisonTable() {
        return comparison;
    }

    /** The frame loop's figures (pulses, our time per pulse, gaps between pulses); any thread. */
    public FrameStats frameStats() {
        return frameMeter.stats();
    }

    /** Starts the frame figures afresh, e.g. once start-up is over and a measurement begins. */
    public void resetFrameStats() {
        frameMeter.reset();
    }

    /** Puts the window on {@code stage} where it was last time, starts the frame loop and the backend. */
    public void show(Stage stage) {
        this.stage = stage;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        stage.setScene(scene);
        stage.setTitle("ConnLab");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        prefs.window().ifPresent(b -> {
            boolean onScreen = !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty();
            if (onScreen) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
            stage.setWidth(Math.min(b.width(), screen.getWidth()));
            stage.setHeight(Math.min(b.height(), screen.getHeight()));
            stage.setMaximized(b.maximized());
        });
        stage.show();
        frames.start();
        BackendChoice backend = toolbar.backendProperty().get();
        run.useBackend(backend.isMock() ? I18n.t("status.startingMock") : I18n.t("status.connecting", backend), backend);
    }

    /**
     * Saves preferences and stops the frames, leaving the engine (and its backend) running for
     * the window that replaces this one (another language). Between runs only; FX thread.
     */
    public void detach() {
        if (closed) return;
        closed = true;
        remember();
        CompletableFuture.runAsync(prefs::flush, background);
    }

    /** Saves preferences, stops the frames, then stops every lane and the backend. Idempotent. */
    public CompletableFuture<Void> close() {
        if (closed) return CompletableFuture.completedFuture(null);
        closed = true;
        remember();
        // the values were read above on the FX thread; writing them to disk happens off it
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(prefs::flush, background);
        return run.shutdown().thenCombine(flushed, (a, b) -> null);
    }

    private void remember() {
        frames.stop();
        prefs.saveFrom(toolbar);
        prefs.saveFrom(look);
        prefs.saveMockSettings(mockSettings.api(), mockSettings.calibratedProperty().get());
        io.connlab.lesson.Lesson open = lessons.lessonProperty().get();
        prefs.saveLessonPlace(new UiPreferences.LessonPlace(open == null ? null : open.id(),
                lessons.wideProperty().get(), lessons.collapsedProperty().get()));
        if (stage != null) {
            prefs.saveWindow(new UiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        root.getStyleClass().remove("dark");
        if (theme.isDark()) root.getStyleClass().add("dark");
    }
}
