package io.connlab.ui;

import io.connlab.ui.model.Words;

import io.connlab.metrics.Clock;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.Format;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.metrics.WireEvent;
import io.connlab.metrics.WireTrace;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendPanelModel;
import io.connlab.ui.model.ConnectionRow;
import io.connlab.ui.model.Faults;
import io.connlab.ui.model.LabEngine;
import io.connlab.ui.model.LaneFeed;
import io.connlab.ui.model.LaneFigures;
import io.connlab.ui.model.LogLine;
import io.connlab.ui.model.NetworkSettings;
import io.connlab.ui.model.PoolFigures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test and dev only: a fake engine that makes the window move before the real one is wired.
 * Publishes numbered "messages" on a timer and writes plausible wire events and figures for
 * every lane. Also counts the calls the window makes, for tests.
 */
public final class DemoFeed implements LabEngine {

    private final Map<Technique, WireTrace> traces = new EnumMap<>(Technique.class);
    private final Map<Technique, AtomicLong> delivered = new EnumMap<>(Technique.class);
    private final Map<Technique, AtomicLong> requests = new EnumMap<>(Technique.class);
    private final Random random = new Random(7);
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong lastRefused = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private volatile ScheduledExecutorService timer;
    private volatile RunSettings settings;
    private volatile long startedAt;
    private volatile boolean longPollHeld;

    public DemoFeed() {
        for (Technique k : Technique.values()) {
            traces.put(k, new WireTrace(512));
            delivered.put(k, new AtomicLong());
            requests.put(k, new AtomicLong());
        }
    }

    /** While a run goes, one row of what each lane delivered; empty before, as a real engine's. */
    @Override
    public List<Comparison.Row> comparison() {
        if (timer == null) return List.of();
        List<Technique> lanes = List.of(Technique.values());
        return List.of(new Comparison.Row("delivered", lanes,
                lanes.stream().map(k -> Format.count(delivered.get(k).get())).toList()));
    }

    @Override
    public synchronized void start(RunSettings s, NetworkSettings network) {
        starts.incrementAndGet();
        stopTimer();
        settings = s;
        startedAt = Clock.nowMicros();
        delivered.values().forEach(a -> a.set(0));
        requests.values().forEach(a -> a.set(0));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-feed");
            t.setDaemon(true);
            return t;
        });
        trace(Technique.WEBSOCKET, WireEvent.Kind.CONNECT, null);
        holdPoll();
        long periodMicros = 1_000_000L / s.ratePerSecond();
        AtomicLong seq = new AtomicLong();
        timer.scheduleAtFixedRate(() -> publish(seq.incrementAndGet()), periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        timer.scheduleAtFixedRate(this::shortPoll, 1000, 1000, TimeUnit.MILLISECONDS);
        timer.schedule(() -> { }, s.duration().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publish(long seq) {
        later(12, () -> {
            trace(Technique.WEBSOCKET, WireEvent.Kind.PUSH, null);
            delivered.get(Technique.WEBSOCKET).incrementAndGet();
        });
        later(14, () -> {
            if (longPollHeld) {
                longPollHeld = false;
                trace(Technique.LONG_POLL, WireEvent.Kind.HOLD_END, "1 msg");
                delivered.get(Technique.LONG_POLL).incrementAndGet();
                later(20, this::holdPoll);
            }
        });
        for (Technique k : List.of(Technique.POOL_POOLED, Technique.POOL_UNPOOLED)) {
            trace(k, WireEvent.Kind.REQUEST, null);
            requests.get(k).incrementAndGet();
            busy.incrementAndGet();
            int ms = k == Technique.POOL_POOLED ? 8 + random.nextInt(6) : 120 + random.nextInt(120);
            later(ms, () -> {
                busy.decrementAndGet();
                if (k == Technique.POOL_UNPOOLED && seq % 9 == 0) {
                    refused.incrementAndGet();
                    lastRefused.set(Clock.nowMicros());
                    trace(k, WireEvent.Kind.ERROR, "too many clients");
                } else {
                    trace(k, WireEvent.Kind.RESPONSE, seq % 7 == 0 ? "cold" : null);
                    delivered.get(k).incrementAndGet();
                }
            });
        }
        if (seq % 40 == 0) later(5, () -> trace(Technique.WEBSOCKET, WireEvent.Kind.DROP, "1006"));
        if (seq % 40 == 0) later(400, () -> trace(Technique.WEBSOCKET, WireEvent.Kind.CONNECT, null));
    }

    private void holdPoll() {
        longPollHeld = true;
        requests.get(Technique.LONG_POLL).incrementAndGet();
        trace(Technique.LONG_POLL, WireEvent.Kind.HOLD_START, null);
    }

    private void shortPoll() {
        requests.get(Technique.SHORT_POLL).incrementAndGet();
        trace(Technique.SHORT_POLL, WireEvent.Kind.REQUEST, null);
        later(15, () -> {
            int n = settings.ratePerSecond();
            trace(Technique.SHORT_POLL, WireEvent.Kind.RESPONSE, n + (n == 1 ? " msg" : " msgs"));
            delivered.get(Technique.SHORT_POLL).addAndGet(n);
        });
    }

    private void later(long ms, Runnable r) {
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            try {
                t.schedule(r, ms, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // stopping
            }
        }
    }

    private void trace(Technique k, WireEvent.Kind kind, String label) {
        traces.get(k).append(kind, Clock.nowMicros(), label);
    }

    @Override
    public synchronized void stop() {
        stops.incrementAndGet();
        stopTimer();
    }

    private void stopTimer() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        RunSettings s = settings;
        return timer != null && s != null && Clock.nowMicros() - startedAt < s.duration().toNanos() / 1000;
    }

    @Override
    public LaneFeed lane(Technique kind) {
        return new LaneFeed() {
            @Override
            public LaneFigures figures() {
                return figuresOf(kind);
            }

            @Override
            public List<WireEvent> wireSince(long micros) {
                return traces.get(kind).copySince(micros);
            }
        };
    }

    private LaneFigures figuresOf(Technique k) {
        if (settings == null) return LaneFigures.idle();
        boolean running = timer != null;
        long d = delivered.get(k).get();
        long r = requests.get(k).get();
        double t = (Clock.nowMicros() - startedAt) / 1e6;
        double wobble = 1 + 0.15 * Math.sin(t / 3 + k.ordinal());
        double p50 = switch (k) {
            case WEBSOCKET -> 12;
            case LONG_POLL -> 14;
            case SHORT_POLL -> 510;
            case POOL_POOLED -> 3;
            default -> 180;
        } * wobble;
        LaneState state = !running ? LaneState.STOPPED : switch (k) {
            case WEBSOCKET -> LaneState.OPEN;
            case LONG_POLL -> LaneState.HOLDING;
            default -> LaneState.POLLING;
        };
        String detail = switch (k) {
            // in the window's language, as the real engine (app.engine.RunFeeds) says them
            case SHORT_POLL -> io.connlab.ui.model.I18n.t("detail.every", 1);
            case POOL_POOLED -> io.connlab.ui.model.I18n.t("detail.containers", 4);
            case POOL_UNPOOLED -> io.connlab.ui.model.I18n.t("detail.containers", 14);
            default -> "";
        };
        PoolFigures pool = null;
        if (k.isPool()) {
            List<PoolFigures.Container> cs = new ArrayList<>();
            int n = k == Technique.POOL_POOLED ? 4 : 14;
            for (int i = 0; i < n; i++) {
                PoolFigures.ContainerState st = i < (k == Technique.POOL_POOLED ? 1 : 6) ? PoolFigures.ContainerState.BUSY
                        : i % 5 == 4 ? PoolFigures.ContainerState.COLD : PoolFigures.ContainerState.WARM;
                cs.add(new PoolFigures.Container("c" + i, st, k == Technique.POOL_POOLED ? 3 : (st == PoolFigures.ContainerState.BUSY ? 1 : 0)));
            }
            pool = k == Technique.POOL_POOLED ? new PoolFigures(cs, 12, 100, 0, 0)
                    : new PoolFigures(cs, 97 + (int) (t % 4), 100, refused.get(), lastRefused.get());
        }
        return new LaneFigures(state, detail, d, k == Technique.WEBSOCKET ? d / 40 : 0, 0, p50, p50 * 1.6, p50 * 3, p50 * 5,
                p50 * (0.9 + 0.2 * random.nextDouble()), p50 * (2.5 + random.nextDouble()),
                r, k == Technique.SHORT_POLL ? r / 10 : 0, k == Technique.WEBSOCKET ? 1 + d / 40 : r, d / 40,
                d * (settings.payloadBytes() + 60), k == Technique.POOL_UNPOOLED ? refused.get() : 0,
                k.isPool() ? r : 0, k.isPool() ? r / 7 : 0, k.isPool() ? 0.2 * (k.ordinal()) : 1.0, pool);
    }

    @Override
    public Optional<BackendPanelModel> backendPanel() {
        return Optional.of(new BackendPanelModel() {
            @Override
            public List<ConnectionRow> connections() {
                java.time.Instant now = java.time.Instant.now();
                return List.of(new ConnectionRow("Kx8d2fQ0IAMCJ-w=", now.minusSeconds(40), now.minusSeconds(1), "127.0.0.1:51622"),
                        new ConnectionRow("Kx8dAb3kIAMCJ9Q=", now.minusSeconds(12), now, "127.0.0.1:51630"));
            }

            @Override
            public void send(String id, String text) {
            }

            @Override
            public void disconnect(String id) {
            }

            @Override
            public List<LogLine> events() {
                java.time.Instant now = java.time.Instant.now();
                return List.of(new LogLine(now.minusSeconds(30), "connect Kx8d2fQ0IAMCJ-w= from 127.0.0.1", false),
                        new LogLine(now.minusSeconds(5), "close 1006 Kx8dZZ0kIAMCJxx= (dropped)", true));
            }
        });
    }

    @Override
    public Optional<Faults> faults() {
        return Optional.of(new Faults() {
            public Words dropAllWebSockets() {
                for (Technique k : traces.keySet()) trace(k, WireEvent.Kind.MARK, Words.of("mark.drop").shown());
                trace(Technique.WEBSOCKET, WireEvent.Kind.DROP, "1001");
                return Words.of("outcome.dropped", 1, Words.of("outcome.reconnected", 1, 0.2, 0));
            }
            public Words restartBackend() { return Words.of("outcome.restarted", 0.1, Words.NOTHING); }
            public Words burstOfConnections(int count) { return Words.of("outcome.burst", count, 0, Words.NOTHING, Words.NOTHING); }
            public Words stopDatabase(Duration pause) { return Words.of("outcome.databaseStopped", pause.toSeconds(), Words.NOTHING); }
        });
    }

    @Override
    public synchronized void close() {
        closes.incrementAndGet();
        stopTimer();
    }
}
