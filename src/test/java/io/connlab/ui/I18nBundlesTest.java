package io.connlab.ui;

import io.connlab.lesson.TimedFault;
import io.connlab.metrics.Comparison;
import io.connlab.metrics.LaneSnapshot;
import io.connlab.metrics.LaneState;
import io.connlab.metrics.Technique;
import io.connlab.ui.model.I18n;
import io.connlab.ui.toolbar.ToolbarModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's two bundles stay whole: the same keys in English and Chinese, every key the
 * code names is there, none is left unused, every pattern parses, and the Chinese words are
 * Chinese. Keys built at run time (a lane's, a state's, a table row's...) are checked against
 * the values they are built from.
 */
class I18nBundlesTest {
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");
    private static final Pattern T_CALL = Pattern.compile("(?:I18n\\.t|Words\\.of)\\(\"([^\"]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(load("").stringPropertyNames(), load("_zh").stringPropertyNames());
    }

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        String code = sources();
        Set<String> used = new HashSet<>();
        Matcher m = LITERAL.matcher(code);
        while (m.find()) if (keys.contains(m.group(1))) used.add(m.group(1));
        used.addAll(dynamicKeys());
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys nothing uses");

        Set<String> missing = new TreeSet<>();
        Matcher t = T_CALL.matcher(code);
        while (t.find()) if (!t.group(1).endsWith(".") && !keys.contains(t.group(1))) missing.add(t.group(1)); // "lane." + id: below
        missing.addAll(dynamicKeys().stream().filter(k -> !keys.contains(k)).toList());
        assertEquals(Set.of(), missing, "keys the code asks for that the bundle lacks");
    }

    @Test
    void everyPatternParsesAndChineseIsChinese() throws IOException {
        Properties en = load("");
        Properties zh = load("_zh");
        for (String k : en.stringPropertyNames()) {
            for (Properties p : new Properties[]{en, zh}) {
                String v = p.getProperty(k);
                if (v.contains("{")) new MessageFormat(v); // throws on a bad pattern
            }
        }
        Set<String> sameInBoth = Set.of("lane.websocket", "counter.p50", "counter.p99", "row.p50", "row.p90", "row.p99",
                "language.en", "language.zh");
        for (String k : en.stringPropertyNames()) {
            if (sameInBoth.contains(k) || en.getProperty(k).replaceAll("\\{[^}]*}", "").chars().noneMatch(Character::isLetter)) continue;
            assertTrue(zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    k + " is not translated: " + zh.getProperty(k));
        }
    }

    /** Keys the code builds from values: "lane." + a technique's id, and so on. */
    private static Set<String> dynamicKeys() {
        Set<String> out = new HashSet<>();
        for (Technique k : Technique.values()) out.add("lane." + k.id());
        for (LaneState s : LaneState.values()) out.add("state." + s.name());
        for (TimedFault.Kind k : TimedFault.Kind.values()) out.add("fault." + k.name());
        for (ToolbarModel.Field f : ToolbarModel.Field.values()) {
            out.add("field." + f.name());
            out.add("error." + f.name());
        }
        for (String l : I18n.LANGUAGES) out.add("language." + l);
        for (String u : new String[] {"s", "min", "h"}) out.add("said.duration." + u); // Quantities.format's units
        for (String f : io.connlab.lesson.RunFigures.names()) out.add("figure." + f);
        for (String f : io.connlab.lesson.RunFigures.KEYED) out.add("figure." + f + ".one");
        for (String k : io.connlab.app.engine.ErrorWords.KINDS) out.add("errorKind." + k);
        for (int c : io.connlab.app.engine.ErrorWords.CLOSE_CODES) out.add("closeCode." + c);
        for (Comparison.Row r : Comparison.of(Arrays.stream(Technique.values()).map(LaneSnapshot::idle).toList()).rows()) out.add(I18n.rowKey(r.label()));
        return out;
    }

    private static String sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/io/connlab/ui/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
