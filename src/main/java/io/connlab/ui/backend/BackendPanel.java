package io.connlab.ui.backend;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Format;
import io.connlab.ui.model.BackendPanelModel;
import io.connlab.ui.model.ConnectionRow;
import io.connlab.ui.model.LogLine;
import io.connlab.ui.toolbar.RunControlModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * For instructors: the backend's WebSocket connections, each with "send to this one" and
 * "disconnect", and the backend's event log. Fetches on {@code io}, never on the FX thread.
 */
public final class BackendPanel extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Supplier<Optional<BackendPanelModel>> model;
    private final RunControlModel run;
    private final Executor io;
    private final Executor fx;
    private final ObservableList<ConnectionRow> connections = FXCollections.observableArrayList();
    private final ObservableList<LogLine> events = FXCollections.observableArrayList();
    private final TextField message = new TextField(I18n.t("backend.defaultMessage"));
    private final AtomicBoolean fetching = new AtomicBoolean();

    /**
     * When each connection was last sent a message from this panel (FX thread). API Gateway's
     * lastActiveAt counts only the client's own messages (the mock does the same), so "last
     * active" shows the later of the two, and says so in its tooltip.
     */
    private final java.util.Map<String, Instant> sentByHand = new java.util.HashMap<>();
    private final ListView<LogLine> log = new ListView<>(events);
    private TableView<ConnectionRow> table;

    // the panel's words, in one place (to move into a resource bundle)
    static final String NO_CONNECTIONS_ON_MOCK = "backend.noConnections";
    static final String NO_CONNECTIONS_ELSEWHERE = "backend.noConnectionsElsewhere";

    /** @param onMock true while the bundled mock is the backend (the placeholder says what to do) */
    public BackendPanel(FaultBar faults, Supplier<Optional<BackendPanelModel>> model, RunControlModel run,
                        Executor io, Executor fx, javafx.beans.value.ObservableBooleanValue onMock) {
        this.model = model;
        this.run = run;
        this.io = io;
        this.fx = fx;
        getStyleClass().add("backend-panel");
        setId("backend-panel");

        table = new TableView<>(connections);
        table.setId("connections");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(onMock)
                .then(I18n.t(NO_CONNECTIONS_ON_MOCK)).otherwise(I18n.t(NO_CONNECTIONS_ELSEWHERE)));
        table.setPlaceholder(placeholder);
        // every column shares the width (not only the last): at 80 px each, large type cut "connected" short
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column(I18n.t("backend.col.id"), r -> r.id()));
        table.getColumns().add(column(I18n.t("backend.col.connectedAt"), r -> time(r.connectedAt())));
        TableColumn<ConnectionRow, ConnectionRow> lastActive = new TableColumn<>();
        headed(lastActive, I18n.t("backend.col.lastActive"));
        lastActive.setId("connections-last-active");
        lastActive.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        lastActive.setCellFactory(c -> new LastActiveCell());
        table.getColumns().add(lastActive);
        table.getColumns().add(column(I18n.t("backend.col.source"), r -> r.source()));
        TableColumn<ConnectionRow, ConnectionRow> actions = new TableColumn<>("");
        actions.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        actions.setCellFactory(c -> new ActionCell());
        actions.setSortable(false);
        table.getColumns().add(actions);

        Label sendLabel = new Label(I18n.t("backend.messageToSend"));
        sendLabel.getStyleClass().add("field-name");
        message.setPrefColumnCount(16);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label connTitle = new Label(I18n.t("backend.connections"));
        connTitle.getStyleClass().add("panel-title");
        connTitle.setMinWidth(Region.USE_PREF_SIZE);
        sendLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        // the title and the message share a line: on a projector the rows need the height
        HBox titleLine = new HBox(8, connTitle, gap, sendLabel, message);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, titleLine, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        log.setId("backend-events");
        log.setPlaceholder(new Label(I18n.t("backend.eventsEmpty")));
        log.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("log-error");
                if (empty || line == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    // one compact line; a long error shows whole in the tooltip
                    setText(time(line.at()) + "  " + line.shown());
                    Tooltip tip = new Tooltip(line.count() > 1 ? I18n.t("backend.latestOf", line.count(), line.text()) : line.text());
                    tip.setWrapText(true);
                    tip.setMaxWidth(600);
                    setTooltip(tip);
                    if (line.error()) getStyleClass().add("log-error");
                }
            }
        });
        Label logTitle = new Label(I18n.t("backend.events"));
        logTitle.getStyleClass().add("panel-title");
        VBox right = new VBox(6, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(faults, split);
    }

    /** Fetches connections and events in the background, unless a fetch is still out. */
    public void refresh() {
        Optional<BackendPanelModel> m = model.get();
        if (m.isEmpty()) {
            connections.clear();
            return;
        }
        if (!fetching.compareAndSet(false, true)) return;
        io.execute(() -> {
            try {
                List<ConnectionRow> c = m.get().connections();
                List<LogLine> e = m.get().events();
                fx.execute(() -> {
                    if (!connections.equals(c)) connections.setAll(c);
                    if (!events.equals(e)) {
                        events.setAll(e);
                        if (!e.isEmpty()) log.scrollTo(e.size() - 1); // follow the newest entry
                    }
                });
            } catch (Exception ex) {
                // the backend may be restarting; the next refresh tries again
            } finally {
                fetching.set(false);
            }
        });
    }

    /** The event list's lines as shown (folded). */
    public ObservableList<LogLine> events() {
        return events;
    }

    /** The connections table (its rows get room while the Backend tab is shown). */
    public TableView<ConnectionRow> connectionTable() {
        return table;
    }

    public ObservableList<ConnectionRow> connections() {
        return connections;
    }

    private final class ActionCell extends TableCell<ConnectionRow, ConnectionRow> {
        private final Button send = new Button(I18n.t("backend.send"), new FontIcon(Feather.SEND));
        private final Button drop = new Button(I18n.t("backend.disconnect"), new FontIcon(Feather.X_CIRCLE));
        private final HBox box = new HBox(6, send, drop);

        ActionCell() {
            send.getStyleClass().add("small");
            drop.getStyleClass().addAll("small", "danger");
            // icons, their words in a tooltip: with words, large type cut them to "Send to thi…" and the ids beside them
            for (Button b : List.of(send, drop)) {
                b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                b.setTooltip(new Tooltip(b.getText()));
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
            send.setOnAction(e -> {
                ConnectionRow r = getItem();
                String text = message.getText();
                model.get().ifPresent(m -> run.perform(I18n.t("backend.sendTo", r.id()), () -> {
                    m.send(r.id(), text);
                    Instant sentAt = Instant.now();
                    fx.execute(() -> {
                        sentByHand.put(r.id(), sentAt);
                        table.refresh();
                    });
                }));
            });
            drop.setOnAction(e -> {
                ConnectionRow r = getItem();
                model.get().ifPresent(m -> run.perform(I18n.t("backend.disconnectOne", r.id()), () -> m.disconnect(r.id())));
            });
        }

        @Override
        protected void updateItem(ConnectionRow item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(empty || item == null ? null : box);
        }
    }

    /** "last active": the backend's lastActiveAt, or the time this window sent to it if later (marked, with why). */
    private final class LastActiveCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Instant sent = sentByHand.get(r.id());
            boolean sentLater = sent != null && (r.lastActive() == null || sent.isAfter(r.lastActive()));
            setText(time(sentLater ? sent : r.lastActive()));
            setGraphic(sentLater ? new FontIcon(Feather.SEND) : null);
            Tooltip tip = new Tooltip(sentLater ? I18n.t("backend.lastActive.sent", time(sent), time(r.lastActive()))
                    : I18n.t("backend.lastActive.tip"));
            tip.setWrapText(true);
            tip.setMaxWidth(500);
            setTooltip(tip);
        }
    }

    private static TableColumn<ConnectionRow, String> column(String title, java.util.function.Function<ConnectionRow, String> f) {
        TableColumn<ConnectionRow, String> c = new TableColumn<>();
        javafx.beans.property.DoubleProperty widest = new javafx.beans.property.SimpleDoubleProperty();
        headed(c, title, widest);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
        c.setCellFactory(v -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
            }

            /** The text and font last measured: a layout pass with neither changed measures nothing. */
            private String measuredText;
            private javafx.scene.text.Font measuredFont;

            /** A cell's whole text (an id, an address) widens its column's least width: large type never cuts it. */
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (getText() == null || (getText().equals(measuredText) && getFont().equals(measuredFont))) return;
                measuredText = getText();
                measuredFont = getFont();
                javafx.scene.text.Text whole = new javafx.scene.text.Text(measuredText); // a cell's own pref width is its column's
                whole.setFont(measuredFont);
                double need = Math.ceil(whole.getLayoutBounds().getWidth() + snappedLeftInset() + snappedRightInset() + 4);
                if (need > widest.get()) widest.set(need);
            }
        });
        return c;
    }

    private static void headed(TableColumn<ConnectionRow, ?> c, String title) {
        headed(c, title, new javafx.beans.property.SimpleDoubleProperty());
    }

    /** The column's title as a label whose width at the window's type size (or its widest cell's) is the column's least: large type never cuts them. */
    private static void headed(TableColumn<ConnectionRow, ?> c, String title, javafx.beans.value.ObservableDoubleValue widest) {
        Label head = new Label(title);
        head.setMinWidth(Region.USE_PREF_SIZE);
        c.setGraphic(head);
        c.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(head.prefWidth(-1) + head.getFont().getSize() * 1.5, widest.get()), head.fontProperty(), head.textProperty(), widest));
    }

    private static String time(Instant t) {
        return t == null ? Format.NONE : TIME.format(t);
    }
}
