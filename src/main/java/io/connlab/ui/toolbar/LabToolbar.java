package io.connlab.ui.toolbar;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Technique;
import io.connlab.ui.profile.BackendChooser;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar: backend, Start/Stop, the run's settings (checked at each field), the mock's
 * network conditions, which lanes to show, saving, theme and type size. Binds to
 * {@link ToolbarModel}, {@link RunControlModel} and {@link AppearanceModel}; holds no state.
 */
public final class LabToolbar extends VBox {

    /** What the toolbar's file buttons do; the window supplies them (they open file choosers). */
    public record FileActions(Runnable loadProfile, Runnable saveJson, Runnable saveCsv, Runnable savePicture, Runnable compareRuns) {
    }

    private final Button start = new Button();
    private final BackendChooser backend;
    private HBox appearance;

    public LabToolbar(ToolbarModel model, RunControlModel run, AppearanceModel look, FileActions files) {
        getStyleClass().add("lab-toolbar");
        setId("toolbar");
        var idle = run.activityProperty().isEqualTo(RunControlModel.Activity.IDLE);

        // backend
        backend = new BackendChooser(model.backendProperty()); // saved profiles, and "Manage profiles…" last
        backend.setId("backend");
        backend.disableProperty().bind(idle.not());
        Button load = iconButton(Feather.FOLDER, I18n.t("toolbar.loadProfile"), files.loadProfile());
        load.setId("load-profile");
        load.disableProperty().bind(idle.not());

        // start / stop
        start.setId("start");
        start.getStyleClass().addAll("start-button", "accent");
        start.textProperty().bind(Bindings.createStringBinding(() -> switch (run.activity()) {
            case IDLE -> I18n.t("toolbar.start");
            case STARTING -> I18n.t("toolbar.starting");
            case RUNNING -> I18n.t("toolbar.stop");
            case STOPPING -> I18n.t("toolbar.stopping");
        }, run.activityProperty()));
        start.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(run.activity() == RunControlModel.Activity.IDLE ? Feather.PLAY : Feather.SQUARE),
                run.activityProperty()));
        // Start is disabled while a field is invalid (the status line names them); Stop never is
        start.disableProperty().bind(run.activityProperty().isEqualTo(RunControlModel.Activity.STOPPING)
                .or(run.activityProperty().isEqualTo(RunControlModel.Activity.IDLE).and(model.validProperty().not())));
        start.setDefaultButton(false);
        start.setOnAction(e -> run.click(System.nanoTime())); // a double-click starts once

        ValidatedField rate = new ValidatedField("rate", model.rateProperty(),
                model.errorProperty(ToolbarModel.Field.RATE), 3, I18n.t("toolbar.rate.tip"));
        ValidatedField duration = new ValidatedField("duration", model.durationProperty(),
                model.errorProperty(ToolbarModel.Field.DURATION), 4, I18n.t("toolbar.duration.tip"));
        ValidatedField clients = new ValidatedField("clients", model.clientsProperty(),
                model.errorProperty(ToolbarModel.Field.CLIENTS), 3, I18n.t("toolbar.clients.tip"));
        duration.disableProperty().bind(idle.not());
        clients.disableProperty().bind(idle.not());

        // network (mock only): RTT stays in sight, it is what makes a held poll visible; the rest is behind the gear
        var mock = Bindings.createBooleanBinding(() -> model.backendProperty().get() != null
                && model.backendProperty().get().isMock(), model.backendProperty());
        Slider rtt = slider(0, 500, model.rttMillisProperty(), "rtt");
        HBox rttGroup = group(name(I18n.t("toolbar.rtt")), rtt, valueLabel(model.rttMillisProperty(), I18n.t("unit.ms")));
        // the bundled mock, or a served one through its instructor profile (its admin API takes the RTT)
        rttGroup.disableProperty().bind(run.noMockControlProperty().isNotEqualTo(io.connlab.ui.model.Words.NOTHING));
        MoreSettings more = new MoreSettings(model, mock);

        MenuButton save = new MenuButton(I18n.t("toolbar.save"), new FontIcon(Feather.DOWNLOAD));
        save.setId("save");
        MenuItem json = new MenuItem(I18n.t("toolbar.saveJson"));
        json.setOnAction(e -> files.saveJson().run());
        MenuItem csv = new MenuItem(I18n.t("toolbar.saveCsv"));
        csv.setOnAction(e -> files.saveCsv().run());
        MenuItem png = new MenuItem(I18n.t("toolbar.savePicture"));
        png.setOnAction(e -> files.savePicture().run());
        json.setId("save-json");
        csv.setId("save-csv");
        // results are the settled figures of a run that has ended: not while one goes (the picture may be taken any time)
        var running = run.activityProperty().isNotEqualTo(RunControlModel.Activity.IDLE);
        json.disableProperty().bind(running);
        csv.disableProperty().bind(running);
        MenuItem compare = new MenuItem(I18n.t("toolbar.compareRuns"));
        compare.setId("compare-runs");
        compare.setOnAction(e -> files.compareRuns().run());
        compare.disableProperty().bind(running);
        save.getItems().addAll(json, csv, png, compare);

        Button theme = new Button();
        theme.setId("theme");
        theme.setTooltip(new Tooltip(I18n.t("toolbar.theme")));
        theme.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(look.themeProperty().get().isDark() ? Feather.SUN : Feather.MOON), look.themeProperty()));
        theme.setOnAction(e -> look.toggleDark());
        Button smaller = new Button("A-");
        smaller.setId("font-smaller");
        smaller.setTooltip(new Tooltip(I18n.t("toolbar.smaller")));
        smaller.setOnAction(e -> look.smaller());
        Button bigger = new Button("A+");
        bigger.setId("font-bigger");
        bigger.setTooltip(new Tooltip(I18n.t("toolbar.bigger")));
        bigger.setOnAction(e -> look.bigger());

        // two rows at 1280×720 with A+ twice (ProjectorTest): what a run needs, then what is shown and the window's own
        HBox row1 = row(flow(group(backend, load), group(start),
                group(name(I18n.t("toolbar.rate")), rate, name(I18n.t("toolbar.perSecond"))),
                group(name(I18n.t("toolbar.duration")), duration), group(name(I18n.t("toolbar.clients")), clients),
                rttGroup, group(more.button())), new Region());
        appearance = group(save, theme, smaller, bigger);
        HBox row2 = row(flow(lanes(model)), appearance);
        getChildren().addAll(row1, row2);
    }

    /** The lane toggles: the pool lanes under one "pool" name, so the row stays short. */
    private static HBox lanes(ToolbarModel model) {
        HBox lanes = group(name(I18n.t("toolbar.lanes")));
        boolean poolNamed = false;
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            if (k.isPool() && !poolNamed) {
                lanes.getChildren().add(name(I18n.t("toolbar.pool")));
                poolNamed = true;
            }
            String full = I18n.t("lane." + k.id());
            ToggleButton t = new ToggleButton(switch (k) {
                case POOL_POOLED -> I18n.t("toolbar.lane.pooled");
                case POOL_UNPOOLED -> I18n.t("toolbar.lane.unpooled");
                case POOL_PROXY -> I18n.t("toolbar.lane.proxy");
                default -> full;
            });
            t.setId("show-" + k.id());
            t.getStyleClass().addAll("small", "lane-" + k.id());
            t.setMinWidth(Region.USE_PREF_SIZE);
            t.selectedProperty().bindBidirectional(model.shownProperty(k));
            t.setTooltip(new Tooltip(I18n.t("toolbar.laneToggle.tip", full)));
            lanes.getChildren().add(t);
        }
        Label lanesMessage = new Label();
        lanesMessage.getStyleClass().add("field-message");
        lanesMessage.textProperty().bind(model.errorProperty(ToolbarModel.Field.LANES));
        lanesMessage.visibleProperty().bind(lanesMessage.textProperty().isNotEmpty());
        lanesMessage.managedProperty().bind(lanesMessage.visibleProperty());
        lanes.getChildren().add(lanesMessage);
        return lanes;
    }

    public BackendChooser backendChooser() {
        return backend;
    }

    /** Adds a control beside theme and type size (the window's language). */
    public void addAppearance(Node n) {
        appearance.getChildren().add(n);
    }

    /** A row: groups on the left that wrap when the window is narrow (or the type large), fixed ones on the right. */
    private static HBox row(FlowPane left, Node right) {
        HBox h = new HBox(left, right);
        h.getStyleClass().add("toolbar-row");
        h.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(left, Priority.ALWAYS);
        return h;
    }

    private static FlowPane flow(Node... groups) {
        FlowPane f = new FlowPane(groups);
        f.getStyleClass().add("toolbar-flow");
        f.setHgap(10);
        f.setVgap(6);
        f.setAlignment(Pos.TOP_LEFT);
        f.setPrefWrapLength(600);
        f.setMinWidth(200);
        return f;
    }

    /** Controls that stay together on one line, baseline-aligned, never shrunk to "...". */
    private static HBox group(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setMinWidth(Region.USE_PREF_SIZE);
        for (Node n : nodes) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        return h;
    }

    static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button iconButton(Feather icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    static Slider slider(int min, int max, javafx.beans.property.IntegerProperty value, String id) {
        Slider s = new Slider(min, max, value.get());
        s.setId(id);
        s.setBlockIncrement(10);
        s.valueProperty().addListener((o, a, b) -> value.set((int) Math.round(b.doubleValue())));
        value.addListener((o, a, b) -> { if ((int) Math.round(s.getValue()) != b.intValue()) s.setValue(b.intValue()); });
        return s;
    }

    static Label valueLabel(javafx.beans.property.IntegerProperty value, String unit) {
        Label l = new Label();
        l.getStyleClass().add("slider-value");
        l.textProperty().bind(value.asString("%d " + unit));
        return l;
    }
}
