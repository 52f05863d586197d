package io.connlab.lesson;

import io.connlab.metrics.CostModel;
import io.connlab.run.ClassCost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson 7 (both languages) and assets/aws/README.md state what a class costs on one live stack:
 * a workshop hour of 30 students, each running the default run 20 times. Their tables are the
 * app's own figures, {@link ClassCost#workshopHour}, the model behind the window's live-run
 * estimate, row by row: (a room per run, one shared room).
 */
class GoingLiveCostsTest {
    private static final String WORKLOAD = "P = 30 × 20 × 600 = 360,000";
    private static final Pattern DOLLARS = Pattern.compile("\\$[0-9][0-9,]*\\.[0-9]+");

    private static String dollars(double d) {
        return String.format(Locale.ROOT, "$%,.2f", d);
    }

    private static double sum(CostModel.Estimate e, Predicate<String> item) {
        return e.lines().stream().filter(l -> item.test(l.item())).mapToDouble(CostModel.Line::dollars).sum();
    }

    /** The rows every table has, in its order: each as the model's (rooms, shared room), in cents. */
    static List<List<String>> modelRows() {
        ClassCost c = ClassCost.workshopHour(ClassCost.WORKSHOP_STUDENTS, ClassCost.WORKSHOP_RUNS_EACH);
        List<Predicate<String>> rows = List.of(
                "WebSocket messages"::equals,
                i -> i.startsWith("HTTP API"),
                i -> i.startsWith("SNS"),
                i -> i.startsWith("Lambda"),
                i -> i.startsWith("DynamoDB"),
                i -> i.startsWith("Standing"));
        List<List<String>> out = new ArrayList<>();
        for (Predicate<String> row : rows) {
            out.add(List.of(dollars(sum(c.withRooms(), row)), dollars(sum(c.sharedRoom(), row))));
        }
        out.add(List.of(dollars(c.withRooms().dollars()), dollars(c.sharedRoom().dollars())));
        return out;
    }

    /** The last two dollar figures of each row of the first table after the workload's sentence. */
    static List<List<String>> documentRows(Path file) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(WORKLOAD);
        assertTrue(at >= 0, file + " states the workload, " + WORKLOAD);
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.substring(at).split("\n")) {
            if (!line.startsWith("|")) {
                if (inTable) break;
                continue;
            }
            inTable = true;
            List<String> figures = new ArrayList<>();
            Matcher m = DOLLARS.matcher(line);
            while (m.find()) figures.add(m.group());
            if (figures.size() >= 2) rows.add(figures.subList(figures.size() - 2, figures.size()));
        }
        return rows;
    }

    @Test
    void theWorkshopHourIsTheAppsOwnFigures() {
        List<List<String>> model = modelRows();
        assertEquals(List.of("$2.82", "$13.35"), model.get(model.size() - 1), "the totals the documents and cost-estimate.sh quote");
        assertEquals(List.of("$0.36", "$10.80"), model.get(0), "WebSocket messages grow with the class squared without rooms");
    }

    @Test
    void lessonSevenInBothLanguagesAndTheStacksReadmeShowTheModelsTable() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String lang : LessonLibrary.LANGUAGES) files.add(LessonFilesTest.ROOT.resolve(lang).resolve("07-going-live.md"));
        files.add(Path.of("assets/aws/README.md"));
        for (Path f : files) {
            assertEquals(modelRows(), documentRows(f), f + ": rows WebSocket, HTTP API, SNS, Lambda, DynamoDB, standing, total");
        }
    }
}
