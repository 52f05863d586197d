package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.metrics.EventLog;
import io.connlab.metrics.Technique;
import io.connlab.run.RunController;
import io.connlab.ui.model.BackendPanelModel;
import io.connlab.ui.model.ConnectionRow;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.LogLine;
import io.connlab.ui.model.Words;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The instructors' backend panel on the mock: its connections, and the run's event log. */
final class MockBackendPanel implements BackendPanelModel {
    private static final int LOG_LINES = 200;
    private final MockAdminClient admin;
    private final Supplier<RunController> run;

    MockBackendPanel(MockAdminClient admin, Supplier<RunController> run) {
        this.admin = admin;
        this.run = run;
    }

    @Override
    public List<ConnectionRow> connections() throws Exception {
        return admin.connections().stream()
                .map(c -> new ConnectionRow(c.id(), c.connectedAt(), c.lastActiveAt(), c.sourceIp()))
                .toList();
    }

    @Override
    public void send(String connectionId, String text) throws Exception {
        admin.sendTo(connectionId, text);
        RunController r = run.get();
        if (r != null) r.mark(Words.of("mark.sentTo", shortId(connectionId)).shown(), Technique.WEBSOCKET);
    }

    /** The first characters of a connection id, enough to tell it from the others on a strip. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    @Override
    public void disconnect(String connectionId) throws Exception {
        admin.disconnect(connectionId);
    }

    @Override
    public List<LogLine> events() {
        RunController r = run.get();
        if (r == null) return List.of();
        // a line says the kind in words, the server's detail in its tooltip; repeats fold ("Pool: pooled: the function failed × 43")
        return LogLine.fold(r.events().recent(LOG_LINES).stream()
                .map(e -> {
                    String source = source(e);
                    return new LogLine(Instant.ofEpochMilli(e.atMicros() / 1000), I18n.t("event.line", source, said(e)),
                            e.kind() == EventLog.Kind.ERROR || e.kind() == EventLog.Kind.CLOSED && !normalClose(e),
                            I18n.t("event.line", source, cause(e)), 1);
                })
                .toList());
    }

    /** The lane's name in the window's language, or the other sources' ("publisher", "run", "backend"). */
    private static String source(EventLog.Event e) {
        if (e.technique() != null) return I18n.t("lane." + e.technique().id());
        return switch (e.lane()) { // the names run.RunController and run.PublishSchedule log under
            case "publisher" -> I18n.t("source.publisher");
            case "run" -> I18n.t("source.run");
            case "backend" -> I18n.t("source.backend");
            default -> e.lane();
        };
    }

    /**
     * The event in the window's language. Errors keep their text: an error kind
     * ("db-too-many-clients") is a code, and its detail is the server's own words. Notes
     * (faults, messages sent by hand) were said in the window's language when they were made.
     */
    static String said(EventLog.Event e) {
        List<Object> a = e.args();
        if (e.technique() == null || a.isEmpty()) return e.text();
        return switch (e.kind()) {
            case OPENED -> I18n.t(Boolean.TRUE.equals(a.get(0)) ? "event.connectedAgain" : "event.connected");
            case CLOSED -> a.get(1).toString().isEmpty() ? I18n.t("event.closed", a.get(0))
                    : I18n.t("event.closedBecause", a.get(0), a.get(1));
            case RECONNECTING -> I18n.t("event.reconnecting", a.get(0), a.get(1));
            case GAP -> ((Number) a.get(0)).longValue() >= 0 ? I18n.t("event.gap", a.get(0)) : I18n.t("event.gapUnknown");
            case COLD_START -> I18n.t("event.coldStart", a.get(0));
            default -> e.text();
        };
    }

    /** What the list shows: an error's kind and a close's code in words; their detail goes to the tooltip. */
    private static String cause(EventLog.Event e) {
        int colon = e.text().indexOf(':');
        if (e.kind() == EventLog.Kind.ERROR && colon > 0) return ErrorWords.kind(e.text().substring(0, colon).trim());
        if (e.kind() == EventLog.Kind.CLOSED && e.technique() != null && !e.args().isEmpty()) {
            return ErrorWords.close(((Number) e.args().get(0)).intValue());
        }
        return said(e);
    }

    /** A close the client asked for (the run's stop): not a problem, not red. */
    private static boolean normalClose(EventLog.Event e) {
        return e.technique() != null && !e.args().isEmpty() && e.args().get(0) instanceof Number n && n.intValue() == 1000;
    }
}
