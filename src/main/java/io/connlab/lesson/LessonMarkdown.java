package io.connlab.lesson;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.List;

/** The one Markdown dialect of the lessons: CommonMark with GFM tables, as the pane renders it. */
public final class LessonMarkdown {
    /** The info string of a fenced block that holds an experiment. */
    public static final String EXPERIMENT = "experiment";
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private LessonMarkdown() {
    }

    /** A lesson body as a commonmark tree (thread-safe: the parser keeps no state between calls). */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The id of the experiment a fenced block holds, or null when the block is ordinary code. */
    public static String experimentId(Node node) {
        if (!(node instanceof FencedCodeBlock b) || !EXPERIMENT.equals(b.getInfo() == null ? null : b.getInfo().strip())) return null;
        for (String line : b.getLiteral().split("\n")) {
            String l = line.strip();
            if (l.startsWith("id:")) return l.substring(3).strip();
        }
        return null;
    }
}
