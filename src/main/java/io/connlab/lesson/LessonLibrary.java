package io.connlab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The lessons of one language, in order: read from the class path (where the build puts
 * {@code lessons/}), or from a folder holding {@code en/} and {@code zh/}.
 */
public final class LessonLibrary {
    /** The languages every lesson exists in: English and Simplified Chinese. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private final String language;
    private final List<Lesson> lessons;

    private LessonLibrary(String language, List<Lesson> lessons) {
        this.language = language;
        this.lessons = lessons.stream().sorted(Comparator.comparingInt(Lesson::order)).toList();
    }

    /** The lessons in {@code lessonsRoot/<language>/*.md}; throws when one does not parse. */
    public static LessonLibrary fromDirectory(Path lessonsRoot, String language) {
        requireLanguage(language);
        return new LessonLibrary(language, readFolder(lessonsRoot.resolve(language), language));
    }

    /** The lessons the build put on the class path under {@code lessons/<language>/}. */
    public static LessonLibrary fromClasspath(String language) {
        requireLanguage(language);
        URL url = LessonLibrary.class.getClassLoader().getResource("lessons/" + language + "/");
        if (url == null) throw new IllegalStateException("no lessons/" + language + "/ on the class path");
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return new LessonLibrary(language, readFolder(Path.of(uri), language));
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException open) {
                fs = FileSystems.getFileSystem(uri);
            }
            return new LessonLibrary(language, readFolder(fs.getPath("lessons", language), language));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list lessons/" + language + "/ on the class path: " + e.getMessage(), e);
        }
    }

    public String language() {
        return language;
    }

    /** Every lesson, by order. */
    public List<Lesson> lessons() {
        return lessons;
    }

    /** The lesson with that id, or null. */
    public Lesson lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /** The lesson a resolved link points to ("lessons/en/03-polling.md", see {@link Lesson#resolve}), or null. */
    public Lesson lessonAt(String path) {
        return lessons.stream().filter(l -> l.path().equals(path)).findFirst().orElse(null);
    }

    private static List<Lesson> readFolder(Path folder, String language) {
        List<Lesson> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = f.getFileName().toString();
                out.add(LessonParser.parse(language, name, Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lessons in " + folder, e);
        }
        return out;
    }

    private static void requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) throw new IllegalArgumentException("lessons exist in " + LANGUAGES + ", not '" + language + "'");
    }
}
