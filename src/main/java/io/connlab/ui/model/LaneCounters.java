package io.connlab.ui.model;

import io.connlab.metrics.Format;
import io.connlab.metrics.Technique;

import java.util.List;

/** The counters a lane column lists under its strip, in the words of that lane. */
public final class LaneCounters {

    /** One counter line: "delivered  1,204". */
    public record Line(String name, String value) {
    }

    private LaneCounters() {
    }

    public static List<Line> lines(Technique kind, LaneFigures f) {
        Line p50 = new Line(I18n.t("counter.p50"), Format.ms(f.p50Ms()));
        Line p99 = new Line(I18n.t("counter.p99"), Format.ms(f.p99Ms()));
        if (kind.isPool()) {
            PoolFigures pool = f.pool() == null ? PoolFigures.empty() : f.pool();
            return List.of(new Line(I18n.t("counter.invocations"), Format.count(f.invocations())),
                    new Line(I18n.t("counter.coldStarts"), Format.count(f.coldStarts())),
                    p50, p99,
                    new Line(I18n.t("counter.dbConnections"), pool.dbMaxConnections() > 0
                            ? pool.dbConnections() + " / " + pool.dbMaxConnections() : Format.NONE),
                    new Line(I18n.t("counter.errors"), Format.count(f.errors())));
        }
        Line delivered = new Line(I18n.t("counter.delivered"), Format.count(f.delivered()));
        Line lost = new Line(I18n.t("counter.lost"), Format.count(f.lost()));
        Line bytes = new Line(I18n.t("counter.bytes"), Format.bytes(f.bytes()));
        return switch (kind) {
            case WEBSOCKET -> List.of(delivered, lost, p50, p99,
                    new Line(I18n.t("counter.connections"), Format.count(f.connections())),
                    new Line(I18n.t("counter.reconnects"), Format.count(f.reconnects())), bytes);
            default -> List.of(delivered, lost, p50, p99,
                    new Line(I18n.t("counter.requests"), Format.count(f.requests())),
                    new Line(I18n.t("counter.empty"), Format.count(f.emptyResponses())), bytes);
        };
    }

    /** The most lines any lane shows, so columns line up. */
    public static int maxLines() {
        return 7;
    }
}
