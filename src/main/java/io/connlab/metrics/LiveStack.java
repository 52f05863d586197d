package io.connlab.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The shipped live stack ({@code assets/aws/template.yaml}) as estimates see it: each function's
 * memory, the stages' and routes' throttles, and what stands (and bills by the hour) while the stack exists.
 * Read from {@code live-stack.properties}, the one table; a test holds it to the template.
 *
 * @param functionMemoryMb memory of each function, by its logical id in the template
 * @param throttles        each stage's default throttle by its logical id, and a route's own as "stage.ROUTE KEY"
 * @param standing         the resources that bill while the stack stands (the database option's)
 */
public record LiveStack(Map<String, Integer> functionMemoryMb, Map<String, Throttle> throttles,
                        List<Standing> standing) {
    /** Fans a published message out (SNS-subscribed) to the room's connections and the poll log. */
    public static final String SNS_FUNCTION = "SnsFunction";
    /** The chat route's function: the same fan-out for a message sent on a WebSocket. */
    public static final String SEND_MESSAGE_FUNCTION = "SendMessageFunction";
    public static final String POLL_FUNCTION = "PollFunction";
    public static final String INVOKE_FUNCTION = "InvokeFunction";
    /** The HTTP API's stage (polls and invokes) and its /invoke route, which has a lower throttle of its own. */
    public static final String HTTP_STAGE = "HttpStage";
    public static final String INVOKE_ROUTE = "HttpStage.POST /invoke";
    public static final String WEBSOCKET_STAGE = "WebSocketStage";
    /** API Gateway's account-wide throttle, shared by every API in the Region, callbacks included (FACTS 10). */
    public static final int ACCOUNT_REQUESTS_PER_SECOND = 10_000;
    /** New WebSocket connections a second, per account and Region (FACTS 6). */
    public static final int ACCOUNT_NEW_CONNECTIONS_PER_SECOND = 500;

    /** One resource that bills by the hour: its template type, the rate and where the rate comes from. */
    public record Standing(String resourceType, double dollarsPerHour, String note) {
    }

    /** A stage's or route's throttle: steady requests a second and the burst. */
    public record Throttle(int rateLimit, int burstLimit) {
    }

    /** The stack in assets/aws, as live-stack.properties describes it. */
    public static final LiveStack SHIPPED = load();

    public LiveStack {
        functionMemoryMb = Map.copyOf(functionMemoryMb);
        throttles = Map.copyOf(throttles);
        standing = List.copyOf(standing);
    }

    /** The memory of {@code function}; a name the table does not have is a programming error. */
    public int memoryMb(String function) {
        Integer mb = functionMemoryMb.get(function);
        if (mb == null) throw new IllegalArgumentException("no function '" + function + "' in live-stack.properties");
        return mb;
    }

    /** The throttle of a stage or route ({@link #HTTP_STAGE}, {@link #INVOKE_ROUTE}, ...). */
    public Throttle throttle(String name) {
        Throttle t = throttles.get(name);
        if (t == null) throw new IllegalArgumentException("no throttle '" + name + "' in live-stack.properties");
        return t;
    }

    /** What the standing resources come to in an hour. */
    public double standingDollarsPerHour() {
        return standing.stream().mapToDouble(Standing::dollarsPerHour).sum();
    }

    private static LiveStack load() {
        Properties p = new Properties();
        try (InputStream in = LiveStack.class.getResourceAsStream("live-stack.properties")) {
            if (in == null) throw new IllegalStateException("live-stack.properties is missing from the class path");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> memory = new TreeMap<>();
        List<Standing> standing = new ArrayList<>();
        Map<String, Throttle> throttles = new TreeMap<>();
        for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            if (key.startsWith("function.")) memory.put(key.substring("function.".length()), Integer.parseInt(p.getProperty(key)));
            if (key.startsWith("throttle.")) {
                String[] rateAndBurst = p.getProperty(key).split(",");
                throttles.put(key.substring("throttle.".length()),
                        new Throttle(Integer.parseInt(rateAndBurst[0].trim()), Integer.parseInt(rateAndBurst[1].trim())));
            }
            if (key.startsWith("standing.") && !key.endsWith(".note")) {
                standing.add(new Standing(key.substring("standing.".length()), Double.parseDouble(p.getProperty(key)),
                        p.getProperty(key + ".note", "")));
            }
        }
        return new LiveStack(memory, throttles, standing);
    }
}
