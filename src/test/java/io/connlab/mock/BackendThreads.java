package io.connlab.mock;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The threads a backend started since a snapshot: every new non-daemon thread, and every new
 * thread (daemon or not) whose name is one the backend's parts give theirs. Test clients'
 * threads (java.net.http, Java-WebSocket client, the AWS SDK) are not counted.
 */
final class BackendThreads {
    private static final Pattern BACKEND = Pattern.compile(
            "edge-.*|mock-.*|gateway-.*|function-.*|WebSocketWorker-.*|WebSocketSelector-.*|"
                    + "HTTP-Dispatcher|server-timer|H2 .*|.*(Hikari|housekeeper|connection adder|connection closer).*");
    private static final Pattern CLIENT = Pattern.compile(
            "HttpClient-.*|WebSocketConnectReadThread-.*|WebSocketWriteThread-.*|WebsocketWriteThread-.*|"
                    + "sdk-.*|aws-.*|idle-connection-reaper|ForkJoinPool.*|Attach Listener|surefire-.*|awaitility.*");
    private final Set<Thread> before;

    BackendThreads(Set<Thread> before) {
        this.before = Set.copyOf(before);
    }

    /** Names (and daemon flags) of the live threads started since the snapshot that belong to a backend. */
    List<String> started() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> BACKEND.matcher(t.getName()).matches()
                        || (!t.isDaemon() && !CLIENT.matcher(t.getName()).matches()))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)"))
                .sorted()
                .toList();
    }

    @Override
    public String toString() {
        return started().toString();
    }
}
