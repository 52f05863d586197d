package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.metrics.EventLog;
import io.connlab.metrics.Technique;
import io.connlab.run.RunController;
import io.connlab.ui.model.BackendPanelModel;
import io.connlab.ui.model.ConnectionRow;
import io.connlab.ui.model.LogLine;

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
        if (r != null) r.mark("sent to " + shortId(connectionId), Technique.WEBSOCKET);
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
        // errors fold by lane and kind ("function-error: …" → "Pool: pooled: function-error × 43")
        return LogLine.fold(r.events().recent(LOG_LINES).stream()
                .map(e -> new LogLine(Instant.ofEpochMilli(e.atMicros() / 1000), e.lane() + ": " + e.text(),
                        e.kind() == EventLog.Kind.ERROR || e.kind() == EventLog.Kind.CLOSED,
                        e.lane() + ": " + cause(e), 1))
                .toList());
    }

    private static String cause(EventLog.Event e) {
        int colon = e.text().indexOf(':');
        return e.kind() == EventLog.Kind.ERROR && colon > 0 ? e.text().substring(0, colon) : e.text();
    }
}
