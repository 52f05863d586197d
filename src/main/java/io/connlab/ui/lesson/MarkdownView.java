package io.connlab.ui.lesson;

import io.connlab.lesson.Lesson;
import io.connlab.lesson.LessonMarkdown;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A lesson's Markdown as JavaFX nodes (no WebView): headings, paragraphs, emphasis, lists,
 * GFM tables, code in monospace, images from the class path's {@code assets/}, links, and an
 * experiment card where an experiment's block stands. Sizes are in em, so A-/A+ scale it;
 * colours come from the theme's looked-up colours in lab.css.
 */
final class MarkdownView {
    private final Lesson lesson;
    private final Function<String, Node> experimentCard;
    private final Consumer<String> openLink;

    /**
     * @param experimentCard the card for an experiment id
     * @param openLink       what a link does, given its href as written
     */
    MarkdownView(Lesson lesson, Function<String, Node> experimentCard, Consumer<String> openLink) {
        this.lesson = lesson;
        this.experimentCard = experimentCard;
        this.openLink = openLink;
    }

    VBox render() {
        VBox body = new VBox();
        body.getStyleClass().add("lesson-body");
        addBlocks(LessonMarkdown.parse(lesson.body()), body);
        return body;
    }

    private void addBlocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) into.getChildren().add(block);
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) return flow(h, "lesson-h" + Math.min(h.getLevel(), 3));
        if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null) return image(img);
            return flow(p, "lesson-p");
        }
        if (n instanceof BulletList || n instanceof OrderedList) return list(n);
        if (n instanceof FencedCodeBlock f) {
            String id = LessonMarkdown.experimentId(f);
            return id != null ? experimentCard.apply(id) : code(f.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) return code(c.getLiteral());
        if (n instanceof TableBlock t) return table(t);
        if (n instanceof BlockQuote q) {
            VBox box = new VBox();
            box.getStyleClass().add("lesson-quote");
            addBlocks(q, box);
            return box;
        }
        if (n instanceof ThematicBreak) return new Separator();
        return null; // raw HTML: lessons do not use it
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox();
        box.getStyleClass().add("lesson-list");
        int number = list instanceof OrderedList o ? o.getStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            Label mark = new Label(list instanceof OrderedList ? (number++) + "." : "•");
            mark.getStyleClass().add("lesson-bullet");
            mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("lesson-item");
            addBlocks(item, content);
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(mark, content);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("lesson-list-row");
            box.getChildren().add(row);
        }
        return box;
    }

    private Node table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("lesson-table");
        int row = 0;
        int columns = 0;
        for (org.commonmark.node.Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell)) continue;
                    TextFlow cell = flow(c, head ? "lesson-th" : "lesson-td");
                    cell.setMaxWidth(Double.MAX_VALUE);
                    grid.add(cell, col++, row);
                }
                columns = Math.max(columns, col);
                row++;
            }
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    private Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("lesson-code");
        if (io.connlab.ui.model.Scripts.needsWideFont(literal)) code.getStyleClass().add(io.connlab.ui.model.Scripts.STYLE_CLASS);
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private Node image(org.commonmark.node.Image img) {
        String path = lesson.resolve(img.getDestination());
        URL url = path == null ? null : MarkdownView.class.getClassLoader().getResource(path);
        String alt = textOf(img);
        if (url == null) return new Label("[" + alt + "]");
        ImageView view = new ImageView(new Image(url.toExternalForm(), true)); // loads off the FX thread
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleText(alt);
        VBox frame = new VBox(view);
        frame.getStyleClass().add("lesson-image");
        // as wide as the pane allows, never wider than the picture itself
        view.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double w = frame.getWidth() - 4;
            double iw = view.getImage().getWidth();
            return iw > 0 ? Math.max(50, Math.min(w, iw)) : Math.max(50, w);
        }, frame.widthProperty(), view.getImage().widthProperty()));
        return frame;
    }

    private TextFlow flow(org.commonmark.node.Node parent, String styleClass) {
        List<Node> runs = new ArrayList<>();
        inlines(parent, runs, new ArrayList<>());
        TextFlow flow = new TextFlow(runs.toArray(Node[]::new));
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, List<Node> out, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) out.add(text(t.getLiteral(), styles));
            else if (n instanceof Code c) out.add(text(c.getLiteral(), plus(styles, "code")));
            else if (n instanceof Emphasis) inlines(n, out, plus(styles, "em"));
            else if (n instanceof StrongEmphasis) inlines(n, out, plus(styles, "strong"));
            else if (n instanceof SoftLineBreak) out.add(text(" ", styles));
            else if (n instanceof HardLineBreak) out.add(text("\n", styles));
            else if (n instanceof Link l) out.add(link(l));
            else if (n instanceof org.commonmark.node.Image img) out.add(image(img));
            else inlines(n, out, styles);
        }
    }

    private Node link(Link l) {
        Hyperlink link = new Hyperlink(textOf(l));
        link.getStyleClass().add("lesson-link");
        String href = l.getDestination();
        link.setOnAction(e -> openLink.accept(href));
        return link;
    }

    private static Text text(String s, List<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-run");
        t.getStyleClass().addAll(styles);
        // the monospace of code has no Chinese on a machine without CJK fonts: such code takes the bundled font
        if (styles.contains("code") && io.connlab.ui.model.Scripts.needsWideFont(s)) t.getStyleClass().add(io.connlab.ui.model.Scripts.STYLE_CLASS);
        return t;
    }

    private static List<String> plus(List<String> styles, String s) {
        List<String> out = new ArrayList<>(styles);
        out.add(s);
        return out;
    }

    private static String textOf(org.commonmark.node.Node n) {
        StringBuilder sb = new StringBuilder();
        for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) sb.append(t.getLiteral());
            else if (c instanceof Code code) sb.append(code.getLiteral());
            else sb.append(textOf(c));
        }
        return sb.toString();
    }
}
