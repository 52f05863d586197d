package io.connlab.ui;

import io.connlab.metrics.Comparison;
import io.connlab.metrics.Format;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.Technique;
import io.connlab.run.Quantities;
import io.connlab.ui.model.LaneCounters;
import io.connlab.ui.model.LaneFigures;
import io.connlab.ui.model.LatencyHistory;
import io.connlab.ui.toolbar.AppearanceModel;
import io.connlab.ui.toolbar.Theme;
import io.connlab.ui.toolbar.ToolbarModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The JavaFX-free helpers the views use: parsing, formatting, counters, history. */
class SmallModelsTest {

    @Test
    void quantitiesReadWhatPeopleType() {
        assertEquals(256, Quantities.bytes("256"));
        assertEquals(256, Quantities.bytes(" 256 B "));
        assertEquals(2048, Quantities.bytes("2k"));
        assertEquals(2048, Quantities.bytes("2 KiB"));
        assertNull(Quantities.bytes("2 MB"));
        assertNull(Quantities.bytes("lots"));
        assertNull(Quantities.bytes(null));
        assertEquals(Duration.ofSeconds(30), Quantities.duration("30"));
        assertEquals(Duration.ofMillis(500), Quantities.duration("500 ms"));
        assertEquals(Duration.ofHours(1), Quantities.duration("1h"));
        assertNull(Quantities.duration("1 week"));
        assertEquals(20, Quantities.rate("20/s"));
        assertNull(Quantities.rate("20 kB"));
        assertNull(Quantities.count("3 B"));
        assertEquals("30 s", Quantities.format(Duration.ofSeconds(30)));
        assertEquals("90 s", Quantities.format(Duration.ofSeconds(90)));
        assertEquals("2 min", Quantities.format(Duration.ofMinutes(2)));
        assertEquals("1 h", Quantities.format(Duration.ofHours(1)));
    }

    @Test
    void figuresReadWell() {
        assertEquals("12,345", Format.count(12_345));
        assertEquals("2.5 ms", Format.ms(2.5));
        assertEquals("510 ms", Format.ms(510));
        assertEquals("12.0 s", Format.ms(12_000));
        assertEquals(Format.NONE, Format.ms(Double.NaN));
        assertEquals("1.5 KB", Format.bytes(1536));
        assertEquals("$0.42", Format.dollars(0.42));
        assertEquals("250 ms", Format.axisMs(250));
        assertEquals("1.5 s", Format.axisMs(1500));
    }

    @Test
    void eachLaneCountsInItsOwnWords() {
        LaneFigures idle = LaneFigures.idle();
        assertEquals("connections", LaneCounters.lines(Technique.WEBSOCKET, idle).get(4).name());
        assertEquals("requests", LaneCounters.lines(Technique.LONG_POLL, idle).get(4).name());
        List<LaneCounters.Line> pool = LaneCounters.lines(Technique.POOL_UNPOOLED, idle);
        assertEquals("invocations", pool.get(0).name());
        assertEquals(Format.NONE, pool.get(4).value());
        for (Technique k : ToolbarModel.WINDOW_LANES) {
            assertTrue(LaneCounters.lines(k, idle).size() <= LaneCounters.maxLines());
        }
    }

    @Test
    void idleLanesGiveTheComparisonRowsARunGives() {
        List<Comparison.Row> rows = Comparison.of(List.of(LaneSnapshot.idle(Technique.WEBSOCKET),
                LaneSnapshot.idle(Technique.SHORT_POLL))).rows();
        assertEquals("delivered", rows.get(0).label());
        assertEquals("0", rows.get(0).cell(Technique.WEBSOCKET));
        assertEquals("", rows.get(0).cell(Technique.LONG_POLL));
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("p99")));
    }

    @Test
    void latencyHistoryKeepsTheNewestAndFindsARoundAxis() {
        LatencyHistory h = new LatencyHistory(3);
        for (int i = 1; i <= 5; i++) h.add(i * 1000L, i, i * 10);
        assertEquals(3, h.size());
        assertEquals(3000L, h.atMicros(0));
        assertEquals(50, h.p99(2));
        assertEquals(50, h.maxP99Since(0));
        assertEquals(0, h.maxP99Since(6000));
        h.add(6000, Double.NaN, Double.NaN);
        assertTrue(Double.isNaN(h.p50(2)));
        assertThrows(IndexOutOfBoundsException.class, () -> h.p50(3));
        assertEquals(10, LatencyHistory.niceCeiling(0));
        assertEquals(20, LatencyHistory.niceCeiling(13));
        assertEquals(500, LatencyHistory.niceCeiling(480));
        assertEquals(1000, LatencyHistory.niceCeiling(510));
        h.clear();
        assertEquals(0, h.size());
    }

    @Test
    void aLinuxWithoutDisplayIsToldSoOthersAreNot() {
        assertFalse(GuiLauncher.hasDisplay(Map.of(), "Linux", null, null));
        assertFalse(GuiLauncher.hasDisplay(Map.of("DISPLAY", " "), "Linux", null, null));
        assertTrue(GuiLauncher.hasDisplay(Map.of("DISPLAY", ":0"), "Linux", null, null));
        assertTrue(GuiLauncher.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null, null));
        assertTrue(GuiLauncher.hasDisplay(Map.of(), "Linux", "Monocle", "Headless"));
        assertTrue(GuiLauncher.hasDisplay(Map.of(), "Windows 11", null, null));
        assertTrue(GuiLauncher.hasDisplay(Map.of(), "Mac OS X", null, null));
        assertTrue(GuiLauncher.NO_DISPLAY.contains("connlab bench"));
    }

    @Test
    void appearanceStepsTheFontWithinBoundsAndTogglesDarkWithinTheFamily() {
        AppearanceModel a = new AppearanceModel();
        assertEquals(16, a.fontSize());
        a.bigger();
        assertEquals(18, a.fontSize());
        for (int i = 0; i < 30; i++) a.bigger();
        assertEquals(AppearanceModel.MAX_FONT, a.fontSize());
        for (int i = 0; i < 30; i++) a.smaller();
        assertEquals(AppearanceModel.MIN_FONT, a.fontSize());
        a.setFontSize(Double.NaN);
        assertEquals(AppearanceModel.DEFAULT_FONT, a.fontSize());
        a.toggleDark();
        assertEquals(Theme.PRIMER_DARK, a.themeProperty().get());
        a.themeProperty().set(Theme.NORD_DARK);
        a.toggleDark();
        assertEquals(Theme.NORD_LIGHT, a.themeProperty().get());
        assertNotNull(Theme.NORD_LIGHT.userAgentStylesheet());
    }
}
