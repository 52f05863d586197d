package io.connlab.app.engine;

import io.connlab.endpoint.MockAdminClient;
import io.connlab.metrics.EventLog;
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
    }

    @Override
    public void disconnect(String connectionId) throws Exception {
        admin.disconnect(connectionId);
    }

    @Override
    public List<LogLine> events() {
        RunController r = run.get();
        if (r == null) return List.of();
        return r.events().recent(LOG_LINES).stream()
                .map(e -> new LogLine(Instant.ofEpochMilli(e.atMicros() / 1000), e.lane() + ": " + e.text(),
                        e.kind() == EventLog.Kind.ERROR || e.kind() == EventLog.Kind.CLOSED))
                .toList();
    }
}
