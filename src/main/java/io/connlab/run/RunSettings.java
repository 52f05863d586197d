package io.connlab.run;

import io.connlab.lane.WebSocketLane;
import io.connlab.metrics.Technique;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One workload for every enabled lane: a stream of numbered messages at {@code ratePerSecond},
 * each {@code payloadBytes} long, for {@code duration}; {@code clientsPerLane} simulated users
 * in each message lane. Pool lanes make one invocation per published message. WebSocket clients
 * send a heartbeat when quiet for {@code heartbeatInterval}. The run publishes and receives in
 * {@code room} (null: this app instance's own, {@link Room#own()}).
 */
public record RunSettings(int ratePerSecond, int payloadBytes, Duration duration, int clientsPerLane,
                          Set<Technique> lanes, PublishPath publish, Duration shortPollInterval,
                          Duration longPollWait, Duration heartbeatInterval, String room) {

    public static final int MAX_RATE = 10_000;
    public static final int MIN_PAYLOAD = 64;
    /** SNS's limit is 256 KiB; API Gateway's WebSocket message limit is 128 KB. */
    public static final int MAX_PAYLOAD = 128 * 1024;
    public static final int MAX_CLIENTS = 5_000;

    public RunSettings {
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate must be 1.." + MAX_RATE + " messages/s, got " + ratePerSecond);
        }
        if (payloadBytes < MIN_PAYLOAD || payloadBytes > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload size must be " + MIN_PAYLOAD + ".." + MAX_PAYLOAD
                    + " bytes, got " + payloadBytes);
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.toHours() > 24) {
            throw new IllegalArgumentException("duration must be between 1 s and 24 h, got " + duration);
        }
        if (clientsPerLane < 1 || clientsPerLane > MAX_CLIENTS) {
            throw new IllegalArgumentException("clients per lane must be 1.." + MAX_CLIENTS + ", got " + clientsPerLane);
        }
        if (lanes == null || lanes.isEmpty()) throw new IllegalArgumentException("at least one lane must be enabled");
        lanes = Set.copyOf(lanes);
        if (publish == null) publish = PublishPath.SNS;
        if (shortPollInterval == null) shortPollInterval = Duration.ofSeconds(1);
        if (longPollWait == null) longPollWait = Duration.ofSeconds(20);
        if (shortPollInterval.toMillis() < 50) throw new IllegalArgumentException("short poll interval must be >= 50 ms");
        if (longPollWait.isNegative() || longPollWait.toSeconds() > 900) {
            throw new IllegalArgumentException("long poll wait must be 0..900 s");
        }
        if (heartbeatInterval == null) heartbeatInterval = WebSocketLane.Settings.DEFAULT_HEARTBEAT;
        if (heartbeatInterval.toMillis() < 100) throw new IllegalArgumentException("heartbeat interval must be >= 100 ms");
        if (room == null) room = Room.own();
        String roomProblem = Room.problem(room);
        if (roomProblem != null) throw new IllegalArgumentException(roomProblem + ", got '" + room + "'");
    }

    /** Settings in this app instance's own room. */
    public RunSettings(int ratePerSecond, int payloadBytes, Duration duration, int clientsPerLane, Set<Technique> lanes,
                       PublishPath publish, Duration shortPollInterval, Duration longPollWait, Duration heartbeatInterval) {
        this(ratePerSecond, payloadBytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait,
                heartbeatInterval, null);
    }

    /** Settings with the WebSocket lane's usual heartbeat (every 5 minutes, half the gateway's idle timeout). */
    public RunSettings(int ratePerSecond, int payloadBytes, Duration duration, int clientsPerLane, Set<Technique> lanes,
                       PublishPath publish, Duration shortPollInterval, Duration longPollWait) {
        this(ratePerSecond, payloadBytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, null, null);
    }

    /** 20 messages/s of 256 bytes for 30 s, one client per lane, every lane but the proxy, via SNS. */
    public static RunSettings defaults() {
        return new RunSettings(20, 256, Duration.ofSeconds(30), 1,
                EnumSet.of(Technique.WEBSOCKET, Technique.LONG_POLL, Technique.SHORT_POLL,
                        Technique.POOL_POOLED, Technique.POOL_UNPOOLED),
                PublishPath.SNS, Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    /**
     * The window's first run: 1 message a second to 1 client, so between two messages the long
     * poll visibly holds and the short poll visibly asks in vain (at 20/s both look alike).
     */
    public static RunSettings teaching() {
        return defaults().withRate(1);
    }

    /** The enabled lanes as the user reads them, in display order: "WebSocket, Long poll". */
    public String lanesLabel() {
        return String.join(", ", lanes.stream().sorted().map(Technique::label).toList());
    }

    public RunSettings withRate(int rate) {
        return new RunSettings(rate, payloadBytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, heartbeatInterval, room);
    }

    public RunSettings withPayloadBytes(int bytes) {
        return new RunSettings(ratePerSecond, bytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, heartbeatInterval, room);
    }

    public RunSettings withDuration(Duration d) {
        return new RunSettings(ratePerSecond, payloadBytes, d, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, heartbeatInterval, room);
    }

    public RunSettings withClients(int clients) {
        return new RunSettings(ratePerSecond, payloadBytes, duration, clients, lanes, publish, shortPollInterval, longPollWait, heartbeatInterval, room);
    }

    public RunSettings withLanes(Set<Technique> l) {
        return new RunSettings(ratePerSecond, payloadBytes, duration, clientsPerLane, l, publish, shortPollInterval, longPollWait, heartbeatInterval, room);
    }

    /** How often a quiet WebSocket client sends a heartbeat; a lesson shortens it to beat a time-scaled idle timeout. */
    public RunSettings withHeartbeat(Duration d) {
        return new RunSettings(ratePerSecond, payloadBytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, d, room);
    }

    /** The run joins {@code r} (an instructor's room, for a class); null: this app instance's own. */
    public RunSettings withRoom(String r) {
        return new RunSettings(ratePerSecond, payloadBytes, duration, clientsPerLane, lanes, publish, shortPollInterval, longPollWait, heartbeatInterval, r);
    }

    public RunSettings withPublish(PublishPath p) {
        return new RunSettings(ratePerSecond, payloadBytes, duration, clientsPerLane, lanes, p, shortPollInterval, longPollWait, heartbeatInterval, room);
    }
}
