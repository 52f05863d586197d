package io.connlab.lesson;

import io.connlab.metrics.Technique;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson file: a header between {@code ---} lines ({@code id}, {@code title},
 * {@code order}, {@code lanes}, {@code experiments}), then Markdown whose {@code experiment}
 * blocks define the experiments the header lists. Every problem is refused with the file
 * and line, so a lesson author sees where.
 */
public final class LessonParser {
    private static final Set<String> HEADER_KEYS = Set.of("id", "title", "order", "lanes", "experiments");

    private LessonParser() {
    }

    /** Parses {@code text}, the content of {@code lessons/<language>/<fileName>}. */
    public static Lesson parse(String language, String fileName, String text) {
        String where = "lessons/" + language + "/" + fileName + ": ";
        try {
            return parseOrThrow(language, fileName, text.replace("\r\n", "\n"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static Lesson parseOrThrow(String language, String fileName, String text) {
        if (!text.startsWith("---\n")) throw new IllegalArgumentException("line 1: a lesson starts with its header, '---'");
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) throw new IllegalArgumentException("the header's closing '---' is missing");
        String[] headerLines = text.substring(4, end).split("\n", -1);
        Map<String, String> header = new LinkedHashMap<>();
        for (int i = 0; i < headerLines.length; i++) {
            String line = headerLines[i].strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (colon < 0 || !HEADER_KEYS.contains(key)) {
                throw new IllegalArgumentException("line " + (i + 2) + ": the header has id, title, order, lanes and experiments");
            }
            if (header.put(key, line.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException("line " + (i + 2) + ": " + key + " is given twice");
            }
        }
        for (String k : HEADER_KEYS) {
            if (header.getOrDefault(k, "").isEmpty()) throw new IllegalArgumentException("the header has no " + k);
        }
        String id = header.get("id");
        int order;
        try {
            order = Integer.parseInt(header.get("order"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order must be a whole number, got '" + header.get("order") + "'");
        }
        String expectedName = String.format(Locale.ROOT, "%02d-%s.md", order, id);
        if (!fileName.equals(expectedName)) {
            throw new IllegalArgumentException("the file of lesson '" + id + "' at order " + order + " must be named " + expectedName);
        }
        Set<Technique> lanes = ExperimentParser.lanes(header.get("lanes"), "pooled, unpooled, proxy");
        List<String> listed = list(header.get("experiments"));

        int bodyLine = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
        String body = text.substring(end + 5);
        List<Experiment> experiments = new ArrayList<>();
        LessonMarkdown.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (LessonMarkdown.experimentId(block) == null && !LessonMarkdown.EXPERIMENT.equals(block.getInfo())) return;
                int line = bodyLine + (block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex());
                experiments.add(ExperimentParser.parse(block.getLiteral(), line));
            }
        });
        List<String> found = experiments.stream().map(Experiment::id).toList();
        if (!found.equals(listed)) {
            throw new IllegalArgumentException("the header lists experiments " + listed + " but the body has " + found);
        }
        return new Lesson(id, header.get("title"), order, lanes, experiments, language, fileName, body, bodyLine);
    }

    private static List<String> list(String value) {
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }
}
