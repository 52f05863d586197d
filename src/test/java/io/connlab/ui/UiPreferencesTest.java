package io.connlab.ui;

import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.ui.model.NetworkSettings;
import io.connlab.ui.toolbar.AppearanceModel;
import io.connlab.ui.toolbar.Theme;
import io.connlab.ui.toolbar.ToolbarModel;
import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

/** What the window remembers, stored in memory (never the user's real preferences). */
class UiPreferencesTest {

    private final Preferences node = new MemoryPreferences();
    private final UiPreferences prefs = new UiPreferences(node);

    @Test
    void settingsThemeFontAndWindowComeBack() {
        ToolbarModel t = new ToolbarModel();
        t.rateProperty().set("75");
        t.payloadProperty().set("1 KB");
        t.publishProperty().set(PublishPath.WEBSOCKET);
        t.rttMillisProperty().set(120);
        t.timeScaleProperty().set(60);
        t.shownProperty(Technique.SHORT_POLL).set(false);
        AppearanceModel a = new AppearanceModel();
        a.themeProperty().set(Theme.NORD_DARK);
        a.setFontSize(22);
        prefs.saveFrom(t);
        prefs.saveFrom(a);
        prefs.saveWindow(new UiPreferences.WindowBounds(10, 20, 1400, 900, true));
        prefs.flush();

        UiPreferences again = new UiPreferences(node);
        ToolbarModel t2 = new ToolbarModel();
        AppearanceModel a2 = new AppearanceModel();
        again.loadInto(t2);
        again.loadInto(a2);
        assertEquals("75", t2.rateProperty().get());
        assertEquals("1 KB", t2.payloadProperty().get());
        assertEquals(PublishPath.WEBSOCKET, t2.publishProperty().get());
        assertEquals(120, t2.rttMillisProperty().get());
        assertEquals(60, t2.timeScaleProperty().get());
        assertFalse(t2.shownProperty(Technique.SHORT_POLL).get());
        assertEquals(Theme.NORD_DARK, a2.themeProperty().get());
        assertEquals(22, a2.fontSize());
        assertEquals(new UiPreferences.WindowBounds(10, 20, 1400, 900, true), again.window().orElseThrow());
    }

    @Test
    void damagedValuesGiveDefaultsOrVisibleFieldErrorsNeverExceptions() {
        node.put("theme", "NEON");
        node.put("fontSize", "huge");
        node.put("publish", "CARRIER_PIGEON");
        node.put("rate", "-3");
        node.put("rttMillis", "99999");
        node.putDouble("window.width", 5);
        ToolbarModel t = new ToolbarModel();
        AppearanceModel a = new AppearanceModel();
        prefs.loadInto(t);
        prefs.loadInto(a);
        assertEquals(Theme.PRIMER_LIGHT, a.themeProperty().get());
        assertEquals(AppearanceModel.DEFAULT_FONT, a.fontSize());
        assertEquals(PublishPath.SNS, t.publishProperty().get());
        assertEquals("rate must be a whole number of messages a second, 1..10000", t.error(ToolbarModel.Field.RATE));
        assertEquals(NetworkSettings.MAX_RTT, t.rttMillisProperty().get());
        assertTrue(prefs.window().isEmpty());
    }

    @Test
    void aMissingNodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UiPreferences(null));
    }

    @Test
    void theLanguageIsRememberedOnlyOnceChosenAndTheLessonPlaceComesBack() {
        UiPreferences prefs = new UiPreferences(new MemoryPreferences());
        assertTrue(prefs.language().isEmpty(), "never chosen: the system's language");
        prefs.saveLanguage("klingon");
        assertTrue(prefs.language().isEmpty());
        prefs.saveLanguage("zh");
        assertEquals(java.util.Optional.of("zh"), prefs.language());

        assertEquals(new UiPreferences.LessonPlace(null, false, false), prefs.lessonPlace());
        prefs.saveLessonPlace(new UiPreferences.LessonPlace("websocket", true, false));
        assertEquals(new UiPreferences.LessonPlace("websocket", true, false), prefs.lessonPlace());
    }

    @Test
    void theMocksApiKindAndCalibrateFileAreRememberedWhileTheFileIsThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals(io.connlab.metrics.RequestApi.HTTP_API, prefs.mockApi(), "HTTP API, as the live stack, until changed");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("calibrated.json"), "{}");
        prefs.saveMockSettings(io.connlab.metrics.RequestApi.REST_API, file);
        UiPreferences again = new UiPreferences(node);
        assertEquals(io.connlab.metrics.RequestApi.REST_API, again.mockApi());
        assertEquals(file.toAbsolutePath(), again.mockCalibrated().orElseThrow());
        java.nio.file.Files.delete(file);
        assertTrue(again.mockCalibrated().isEmpty(), "a file since deleted is not applied");
        node.put("mock.api", "SOAP");
        assertEquals(io.connlab.metrics.RequestApi.HTTP_API, again.mockApi(), "a damaged value gives the default");
    }
}
