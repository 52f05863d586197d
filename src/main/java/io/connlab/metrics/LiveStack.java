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
 * memory, the stages' throttle, and what stands (and bills by the hour) while the stack exists.
 * Read from {@code live-stack.properties}, the one table; a test holds it to the template.
 *
 * @param functionMemoryMb memory of each function, by its logical id in the template
 * @param standing         the resources that bill while the stack stands (the database option's)
 */
public record LiveStack(Map<String, Integer> functionMemoryMb, int stageRateLimit, int stageBurstLimit,
                        List<Standing> standing) {
    /** Fans a published message out (SNS-subscribed) to the room's connections and the poll log. */
    public static final String SNS_FUNCTION = "SnsFunction";
    /** The chat route's function: the same fan-out for a message sent on a WebSocket. */
    public static final String SEND_MESSAGE_FUNCTION = "SendMessageFunction";
    public static final String POLL_FUNCTION = "PollFunction";
    public static final String INVOKE_FUNCTION = "InvokeFunction";
    /** API Gateway's account-wide throttle, shared by every API in the Region, callbacks included (FACTS 10). */
    public static final int ACCOUNT_REQUESTS_PER_SECOND = 10_000;
    /** New WebSocket connections a second, per account and Region (FACTS 6). */
    public static final int ACCOUNT_NEW_CONNECTIONS_PER_SECOND = 500;

    /** One resource that bills by the hour: its template type, the rate and where the rate comes from. */
    public record Standing(String resourceType, double dollarsPerHour, String note) {
    }

    /** The stack in assets/aws, as live-stack.properties describes it. */
    public static final LiveStack SHIPPED = load();

    public LiveStack {
        functionMemoryMb = Map.copyOf(functionMemoryMb);
        standing = List.copyOf(standing);
    }

    /** The memory of {@code function}; a name the table does not have is a programming error. */
    public int memoryMb(String function) {
        Integer mb = functionMemoryMb.get(function);
        if (mb == null) throw new IllegalArgumentException("no function '" + function + "' in live-stack.properties");
        return mb;
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
        for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            if (key.startsWith("function.")) memory.put(key.substring("function.".length()), Integer.parseInt(p.getProperty(key)));
            if (key.startsWith("standing.") && !key.endsWith(".note")) {
                standing.add(new Standing(key.substring("standing.".length()), Double.parseDouble(p.getProperty(key)),
                        p.getProperty(key + ".note", "")));
            }
        }
        return new LiveStack(memory, Integer.parseInt(p.getProperty("stage.rateLimit")),
                Integer.parseInt(p.getProperty("stage.burstLimit")), standing);
    }
}
