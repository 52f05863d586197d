package io.connlab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * An estimate of what a lane's traffic would cost on AWS, from {@link Prices}: what each
 * billed item comes to, and the total per million messages delivered. Free tiers, data
 * transfer and the database itself are left out; it compares techniques, it is not a bill.
 */
public final class CostModel {

    /**
     * What a lane used. Sizes are averages per item and only decide the metering units.
     *
     * @param delivered         messages delivered (or invocations done): what the total is divided by
     * @param lambdaMs          summed time functions ran or were held (a long poll holds its function while it waits)
     * @param rdsProxyVcpuHours vCPU-hours of the database behind an RDS Proxy (0 without a proxy)
     */
    public record Usage(long delivered,
                        long webSocketMessages, long webSocketBytesPerMessage, double connectionMinutes,
                        long httpRequests, long httpBytesPerRequest,
                        long lambdaInvocations, double lambdaMs, int lambdaMemoryMb,
                        long snsPublishes, long snsBytesPerPublish,
                        double rdsProxyVcpuHours) {
    }

    /** One billed item: how many billing units and what they cost. */
    public record Line(String item, double units, String unit, double dollars) {
    }

    /** The breakdown and the total, also per million delivered (NaN when nothing was delivered). */
    public record Estimate(List<Line> lines, double dollars, long delivered, Prices prices) {
        public double perMillionDelivered() {
            return delivered <= 0 ? Double.NaN : dollars / delivered * 1_000_000.0;
        }

        /** This estimate with one more line (a standing cost, say). */
        public Estimate plus(Line line) {
            List<Line> more = new ArrayList<>(lines);
            more.add(line);
            return new Estimate(List.copyOf(more), dollars + line.dollars(), delivered, prices);
        }

        /** {@code n} of these side by side: every line, the total and the deliveries times {@code n}. */
        public Estimate times(int n) {
            List<Line> scaled = lines.stream().map(l -> new Line(l.item(), l.units() * n, l.unit(), l.dollars() * n)).toList();
            return new Estimate(scaled, dollars * n, delivered * n, prices);
        }

        /** What one item comes to per million delivered. */
        public double perMillionDelivered(Line line) {
            return delivered <= 0 ? Double.NaN : line.dollars() / delivered * 1_000_000.0;
        }
    }

    private final Prices prices;
    private final RequestApi api;

    public CostModel(Prices prices, RequestApi api) {
        this.prices = prices;
        this.api = api;
    }

    /** Poll and invoke requests priced as an HTTP API's, as the live stack has. */
    public CostModel(Prices prices) {
        this(prices, RequestApi.HTTP_API);
    }

    public CostModel() {
        this(Prices.CURRENT);
    }

    public Prices prices() {
        return prices;
    }

    public RequestApi api() {
        return api;
    }

    public Estimate estimate(Usage u) {
        List<Line> lines = new ArrayList<>();
        if (u.webSocketMessages() > 0) {
            double units = (double) u.webSocketMessages()
                    * Prices.units(u.webSocketBytesPerMessage(), prices.webSocketMessageUnitBytes());
            lines.add(new Line("WebSocket messages", units, "32 KB messages",
                    units / 1e6 * prices.webSocketMessagesPerMillion()));
        }
        if (u.connectionMinutes() > 0) {
            lines.add(new Line("WebSocket connection minutes", u.connectionMinutes(), "minutes",
                    u.connectionMinutes() / 1e6 * prices.connectionMinutesPerMillion()));
        }
        if (u.httpRequests() > 0) {
            double units = (double) u.httpRequests() * api.units(u.httpBytesPerRequest(), prices);
            lines.add(new Line(api.item(), units, api.unit(), units / 1e6 * api.perMillion(prices)));
        }
        if (u.lambdaInvocations() > 0) {
            lines.add(new Line("Lambda requests", u.lambdaInvocations(), "requests",
                    u.lambdaInvocations() / 1e6 * prices.lambdaRequestsPerMillion()));
        }
        if (u.lambdaMs() > 0) {
            double gbSeconds = u.lambdaMs() / 1000.0 * (u.lambdaMemoryMb() / 1024.0);
            lines.add(new Line("Lambda duration", gbSeconds, "GB-seconds", gbSeconds * prices.lambdaGbSecond()));
        }
        if (u.snsPublishes() > 0) {
            double units = (double) u.snsPublishes()
                    * Prices.units(u.snsBytesPerPublish(), prices.snsPublishUnitBytes());
            lines.add(new Line("SNS publishes", units, "64 KB publishes",
                    units / 1e6 * prices.snsPublishesPerMillion()));
        }
        if (u.rdsProxyVcpuHours() > 0) {
            lines.add(new Line("RDS Proxy", u.rdsProxyVcpuHours(), "vCPU-hours",
                    u.rdsProxyVcpuHours() * prices.rdsProxyVcpuHour()));
        }
        double total = 0;
        for (Line l : lines) {
            total += l.dollars();
        }
        return new Estimate(List.copyOf(lines), total, u.delivered(), prices);
    }
}
