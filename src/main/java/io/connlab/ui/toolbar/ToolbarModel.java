package io.connlab.ui.toolbar;

import io.connlab.ui.model.I18n;
import io.connlab.metrics.Technique;
import io.connlab.run.PublishPath;
import io.connlab.run.Quantities;
import io.connlab.run.Room;
import io.connlab.run.RunSettings;
import io.connlab.ui.model.BackendChoice;
import io.connlab.ui.model.NetworkSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The toolbar's state, without controls: what the user typed, checked field by field with
 * {@link RunSettings}' own rules. Each field has an error text (empty when fine); a run can
 * start only when every one is empty. Needs no FX toolkit, so tests use it directly.
 */
public final class ToolbarModel {

    /** The fields that can hold a bad value. */
    public enum Field { RATE, PAYLOAD, DURATION, CLIENTS, LANES, ROOM }

    /** The lanes the window has columns for, in order. */
    public static final List<Technique> WINDOW_LANES = List.of(Technique.WEBSOCKET, Technique.LONG_POLL,
            Technique.SHORT_POLL, Technique.POOL_POOLED, Technique.POOL_UNPOOLED, Technique.POOL_PROXY);

    private final StringProperty rate = new SimpleStringProperty(this, "rate");
    private final StringProperty payload = new SimpleStringProperty(this, "payload");
    private final StringProperty duration = new SimpleStringProperty(this, "duration");
    private final StringProperty clients = new SimpleStringProperty(this, "clients");
    /** The room to join; empty for this app instance's own ({@link Room#own()}). */
    private final StringProperty room = new SimpleStringProperty(this, "room", "");
    private final ObjectProperty<PublishPath> publish = new SimpleObjectProperty<>(this, "publish", PublishPath.SNS);
    private final ObjectProperty<BackendChoice> backend = new SimpleObjectProperty<>(this, "backend", BackendChoice.mock());
    private final IntegerProperty rttMillis = new SimpleIntegerProperty(this, "rtt", DEFAULT_RTT_MS);
    /** Added round trip on the mock by default: enough that each request and its answer are apart on the strip. */
    public static final int DEFAULT_RTT_MS = 100;
    private final IntegerProperty jitterMillis = new SimpleIntegerProperty(this, "jitter", 0);
    private final IntegerProperty timeScale = new SimpleIntegerProperty(this, "timeScale", 1);
    private final Map<Technique, BooleanProperty> shown = new EnumMap<>(Technique.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    private RunSettings base = RunSettings.teaching();
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper(this, "preset");
    private Values mine; // the user's own values while a lesson's preset is in the fields

    /** Everything the toolbar holds, as typed: what "back to my settings" restores and the preferences keep. */
    public record Values(String rate, String payload, String duration, String clients, PublishPath publish,
                         BackendChoice backend, int rttMillis, int jitterMillis, int timeScale, Set<Technique> shown,
                         RunSettings base) {
        public Values {
            shown = Set.copyOf(shown);
        }
    }

    public ToolbarModel() {
        for (Field f : Field.values()) errors.put(f, new ReadOnlyStringWrapper(this, f.name().toLowerCase(java.util.Locale.ROOT) + "Error", ""));
        for (Technique k : WINDOW_LANES) {
            // the proxy lane is off until asked for (a lesson, the toggle): the default run stays as bench's
            BooleanProperty p = new SimpleBooleanProperty(this, k.id(), k != Technique.POOL_PROXY);
            p.addListener((o, a, b) -> check());
            shown.put(k, p);
        }
        for (ObservableValue<?> v : List.of(rate, payload, duration, clients, room)) v.addListener((o, a, b) -> check());
        load(base);
    }

    public StringProperty rateProperty() { return rate; }
    public StringProperty payloadProperty() { return payload; }
    public StringProperty durationProperty() { return duration; }
    public StringProperty clientsProperty() { return clients; }
    public StringProperty roomProperty() { return room; }
    public ObjectProperty<PublishPath> publishProperty() { return publish; }
    public ObjectProperty<BackendChoice> backendProperty() { return backend; }
    public IntegerProperty rttMillisProperty() { return rttMillis; }
    public IntegerProperty jitterMillisProperty() { return jitterMillis; }
    public IntegerProperty timeScaleProperty() { return timeScale; }

    /** Whether a lane's column is shown; a lane hidden at Start does not run; one hidden during a run keeps running, out of sight. */
    public BooleanProperty shownProperty(Technique kind) {
        BooleanProperty p = shown.get(kind);
        if (p == null) throw new IllegalArgumentException(kind + " has no column");
        return p;
    }

    /** The field's error text; empty when the field is fine. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public String error(Field field) {
        return errors.get(field).get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The fields in error, in the user's words ("rate, clients"); empty when all are fine. */
    public String invalidFields() {
        return String.join(", ", errors.entrySet().stream().filter(e -> !e.getValue().get().isEmpty())
                .map(e -> I18n.t("field." + e.getKey().name())).toList());
    }

    public boolean isValid() {
        return valid.get();
    }

    /** Fills the fields from settings (last run's, or defaults). */
    public void load(RunSettings s) {
        base = s;
        rate.set(String.valueOf(s.ratePerSecond()));
        payload.set(s.payloadBytes() + " B");
        duration.set(Quantities.format(s.duration()));
        clients.set(String.valueOf(s.clientsPerLane()));
        publish.set(s.publish());
        room.set(s.room().equals(Room.own()) ? "" : s.room());
        check();
    }

    /** The settings the fields describe, or empty when a field is bad (its error says why). */
    public Optional<RunSettings> settings() {
        check();
        if (!valid.get()) return Optional.empty();
        return Optional.of(new RunSettings(Quantities.rate(rate.get()), Quantities.bytes(payload.get()),
                Quantities.duration(duration.get()), Quantities.count(clients.get()), shownLanes(),
                publish.get(), base.shortPollInterval(), base.longPollWait(), base.heartbeatInterval(), namedRoom()));
    }

    /** What the fields hold now. */
    public Values values() {
        return new Values(rate.get(), payload.get(), duration.get(), clients.get(), publish.get(), backend.get(),
                rttMillis.get(), jitterMillis.get(), timeScale.get(), shownLanes(), base);
    }

    /** The user's own values: those before a lesson's preset when one is in the fields, else what they hold. */
    public Values userValues() {
        return mine != null ? mine : values();
    }

    /** Puts {@code v} back into every field. */
    public void restore(Values v) {
        base = v.base();
        rate.set(v.rate());
        payload.set(v.payload());
        duration.set(v.duration());
        clients.set(v.clients());
        publish.set(v.publish());
        for (Technique k : WINDOW_LANES) shown.get(k).set(v.shown().contains(k));
        rttMillis.set(v.rttMillis());
        jitterMillis.set(v.jitterMillis());
        timeScale.set(v.timeScale());
        if (v.backend() != null && !v.backend().equals(backend.get())) backend.set(v.backend());
        check();
    }

    /**
     * Shows a lesson experiment's preset in the fields, keeping the user's own values to go back
     * to (once: a second preset replaces the first, the user's values stay).
     */
    public void applyPreset(String title, RunSettings s, NetworkSettings network) {
        if (mine == null) mine = values();
        apply(s, network);
        preset.set(title);
    }

    /** The title of the experiment whose preset is in the fields; null when they hold the user's own values. */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Takes over {@code previous}'s fields and preset (the window rebuilt in another language). */
    public void takeOver(ToolbarModel previous) {
        restore(previous.values());
        mine = previous.mine;
        preset.set(previous.preset.get());
    }

    /** "Back to my settings": the user's own values again; nothing when no preset is in the fields. */
    public void backToMine() {
        Values v = mine;
        if (v == null) return;
        mine = null;
        preset.set(null);
        restore(v);
    }

    /** Shows a lesson's run in the fields: its settings (timings kept for the run), lanes and network. */
    public void apply(RunSettings s, NetworkSettings network) {
        load(s);
        for (Technique k : WINDOW_LANES) shown.get(k).set(s.lanes().contains(k));
        rttMillis.set(network.rttMillis());
        jitterMillis.set(network.jitterMillis());
        timeScale.set(network.timeScale());
    }

    public NetworkSettings network() {
        return new NetworkSettings(clamp(rttMillis.get(), NetworkSettings.MAX_RTT),
                clamp(jitterMillis.get(), NetworkSettings.MAX_JITTER), Math.max(1, timeScale.get()));
    }

    public Set<Technique> shownLanes() {
        Set<Technique> s = EnumSet.noneOf(Technique.class);
        shown.forEach((k, p) -> { if (p.get()) s.add(k); });
        return s;
    }

    private void check() {
        set(Field.RATE, problem(Field.RATE, rate.get(), Quantities::rate, base::withRate, -1));
        set(Field.PAYLOAD, problem(Field.PAYLOAD, payload.get(), Quantities::bytes, base::withPayloadBytes, -1));
        set(Field.DURATION, problem(Field.DURATION, duration.get(), Quantities::duration, base::withDuration, Duration.ZERO));
        set(Field.CLIENTS, problem(Field.CLIENTS, clients.get(), Quantities::count, base::withClients, -1));
        set(Field.LANES, problem(Field.LANES, shownLanes(), Function.identity(), base::withLanes, Set.of()));
        set(Field.ROOM, Room.problem(namedRoom()) == null || namedRoom() == null ? "" : I18n.t("error.ROOM", Room.MAX_LENGTH));
        valid.set(errors.values().stream().allMatch(e -> e.get().isEmpty()));
    }

    /** The room typed, trimmed; null when none is (the run's own room). */
    private String namedRoom() {
        String r = room.get() == null ? "" : room.get().strip();
        return r.isEmpty() ? null : r;
    }

    private void set(Field f, String message) {
        errors.get(f).set(message);
    }

    /**
     * Empty when {@code apply} accepts the parsed value, else RunSettings' own rule ("rate must
     * be 1..10000 messages/s"). Text that does not parse gets the same rule, found by asking
     * RunSettings about a value it refuses. The field already shows what was typed, so the
     * rule's ", got ..." tail is left off.
     */
    private static <T, V> String problem(Field field, T text, Function<T, V> parse, Function<V, RunSettings> apply, V refused) {
        V value = parse.apply(text);
        try {
            apply.apply(value != null ? value : refused);
            return value != null ? "" : I18n.t("error.unreadable", text);
        } catch (IllegalArgumentException e) {
            // the rule RunSettings enforces, in the window's language, with RunSettings' own limits
            return I18n.t("error." + field.name(), RunSettings.MAX_RATE, RunSettings.MIN_PAYLOAD, RunSettings.MAX_PAYLOAD,
                    RunSettings.MAX_CLIENTS);
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
