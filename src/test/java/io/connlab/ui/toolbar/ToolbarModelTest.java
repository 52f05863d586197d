package io.connlab.ui.toolbar;

import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.NetworkSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.connlab.ui.toolbar.ToolbarModel.Field.*;
import static org.junit.jupiter.api.Assertions.*;

/** The toolbar's checks, with no FX toolkit. */
class ToolbarModelTest {

    @Test
    void defaultsAreValidAndMakeTheTeachingSettings() {
        ToolbarModel m = new ToolbarModel();
        assertTrue(m.isValid());
        RunSettings s = m.settings().orElseThrow();
        assertEquals(1, s.ratePerSecond(), "slow enough that a long poll's hold shows");
        assertEquals(1, s.clientsPerLane());
        assertEquals(ToolbarModel.DEFAULT_RTT_MS, m.rttMillisProperty().get());
        assertEquals(256, s.payloadBytes());
        assertEquals(Duration.ofSeconds(30), s.duration());
        assertEquals(5, s.lanes().size());
        assertEquals(PublishPath.SNS, s.publish());
    }

    @Test
    void aRateOutOfRangeGetsRunSettingsOwnMessageAndAGoodOneClearsIt() {
        ToolbarModel m = new ToolbarModel();
        m.rateProperty().set("0");
        assertEquals("rate must be a whole number of messages a second, 1..10000", m.error(RATE));
        assertFalse(m.isValid());
        assertTrue(m.settings().isEmpty());
        m.rateProperty().set("20000");
        assertEquals("rate must be a whole number of messages a second, 1..10000", m.error(RATE));
        m.rateProperty().set("50");
        assertEquals("", m.error(RATE));
        assertTrue(m.isValid());
        assertEquals(50, m.settings().orElseThrow().ratePerSecond());
    }

    @Test
    void textThatIsNotANumberIsRefusedWithTheSameRuleNotAnException() {
        ToolbarModel m = new ToolbarModel();
        for (String bad : new String[] {"abc", "", " ", "-5", "1e3", "99999999999", "20 per s", "2.5"}) {
            m.rateProperty().set(bad);
            assertEquals("rate must be a whole number of messages a second, 1..10000", m.error(RATE), bad);
        }
        m.rateProperty().set(null);
        assertFalse(m.isValid());
        m.rateProperty().set(" 20/s ");
        assertTrue(m.isValid());
    }

    @Test
    void sizesAndDurationsReadWithUnits() {
        ToolbarModel m = new ToolbarModel();
        m.payloadProperty().set("4 KB");
        m.durationProperty().set("2 min");
        RunSettings s = m.settings().orElseThrow();
        assertEquals(4096, s.payloadBytes());
        assertEquals(Duration.ofMinutes(2), s.duration());
        m.payloadProperty().set("10");
        assertEquals("payload size must be 64..131072 bytes", m.error(PAYLOAD));
        m.payloadProperty().set("1 MB");
        assertFalse(m.error(PAYLOAD).isEmpty());
        m.durationProperty().set("0 s");
        assertEquals("duration must be between 1 s and 24 h", m.error(DURATION));
        m.durationProperty().set("soon");
        assertEquals("duration must be between 1 s and 24 h", m.error(DURATION));
    }

    @Test
    void theRoomIsTheRunsOwnUntilOneIsNamed() {
        ToolbarModel m = new ToolbarModel();
        assertEquals("", m.roomProperty().get());
        assertEquals(io.connlab.run.Room.own(), m.settings().orElseThrow().room());
        m.roomProperty().set(" class-7 ");
        assertEquals("class-7", m.settings().orElseThrow().room());
        m.roomProperty().set("class/7");
        assertEquals("a room name is 1..64 of A-Z a-z 0-9 _ -", m.error(ROOM));
        assertTrue(m.settings().isEmpty());
        m.load(RunSettings.defaults().withRoom("physics"));
        assertEquals("physics", m.roomProperty().get(), "a loaded run's room shows");
        assertEquals("", m.error(ROOM));
    }

    @Test
    void clientsAreChecked() {
        ToolbarModel m = new ToolbarModel();
        m.clientsProperty().set("0");
        assertEquals("clients per lane must be a whole number, 1..5000", m.error(CLIENTS));
        m.clientsProperty().set("100");
        assertEquals(100, m.settings().orElseThrow().clientsPerLane());
    }

    @Test
    void hiddenLanesDoNotRunAndHidingAllIsRefused() {
        ToolbarModel m = new ToolbarModel();
        m.shownProperty(Technique.SHORT_POLL).set(false);
        assertFalse(m.settings().orElseThrow().lanes().contains(Technique.SHORT_POLL));
        for (Technique k : ToolbarModel.WINDOW_LANES) m.shownProperty(k).set(false);
        assertEquals("at least one lane must be enabled", m.error(LANES));
        assertTrue(m.settings().isEmpty());
        assertFalse(new ToolbarModel().shownProperty(Technique.POOL_PROXY).get(), "the proxy lane is offered, off until asked for");
    }

    @Test
    void networkSettingsAreClampedToWhatTheMockAccepts() {
        ToolbarModel m = new ToolbarModel();
        m.rttMillisProperty().set(99_999);
        m.jitterMillisProperty().set(-4);
        m.timeScaleProperty().set(0);
        NetworkSettings n = m.network();
        assertEquals(NetworkSettings.MAX_RTT, n.rttMillis());
        assertEquals(0, n.jitterMillis());
        assertEquals(1, n.timeScale());
    }

    @Test
    void loadFillsTheFieldsBack() {
        ToolbarModel m = new ToolbarModel();
        m.load(RunSettings.defaults().withRate(7).withDuration(Duration.ofMinutes(3)).withPublish(PublishPath.WEBSOCKET));
        assertEquals("7", m.rateProperty().get());
        assertEquals("3 min", m.durationProperty().get());
        assertEquals(PublishPath.WEBSOCKET, m.publishProperty().get());
    }
}
