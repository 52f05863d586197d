package io.connlab.lesson;

import io.connlab.metrics.Technique;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One lesson in one language: its header (id, title, order, the lanes it concerns, its
 * experiments) and its Markdown body. The body keeps each experiment's fenced block where the
 * experiment stands; a view shows a "Try it" card there ({@link LessonMarkdown#experimentId}).
 *
 * @param language  "en" or "zh", the folder it came from
 * @param fileName  "02-websocket.md", the same in every language
 * @param body      the Markdown after the header
 * @param bodyLine  the file's line number of the body's first line
 */
public record Lesson(String id, String title, int order, Set<Technique> lanes, List<Experiment> experiments,
                     String language, String fileName, String body, int bodyLine) {

    public Lesson {
        lanes = Set.copyOf(lanes);
        experiments = List.copyOf(experiments);
    }

    /** The experiment with that id, or null. */
    public Experiment experiment(String experimentId) {
        return experiments.stream().filter(e -> e.id().equals(experimentId)).findFirst().orElse(null);
    }

    /** Where the lesson lives, relative to the repository (and the class path): "lessons/en/02-websocket.md". */
    public String path() {
        return "lessons/" + language + "/" + fileName;
    }

    /**
     * A link or image target of this lesson as a path relative to the repository and the class
     * path ("assets/lessons/push-en.png", "lessons/en/03-polling.md"), fragment dropped; null
     * for a web address or anything outside the repository.
     */
    public String resolve(String href) {
        if (href == null || href.isBlank()) return null;
        String h = href.strip();
        int hash = h.indexOf('#');
        if (hash >= 0) h = h.substring(0, hash);
        if (h.isEmpty()) return path();
        URI uri;
        try {
            uri = URI.create(h);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.isAbsolute() || h.startsWith("/")) return null;
        String resolved = URI.create("lessons/" + language + "/").resolve(uri).normalize().getPath();
        return resolved.startsWith("../") || resolved.startsWith("/") ? null : resolved;
    }
}
