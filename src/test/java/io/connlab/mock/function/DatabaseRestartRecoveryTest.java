package io.connlab.mock.function;

import io.connlab.mock.function.FunctionFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 8: after "Stop the database", pooled containers kept their dead connections and
 * failed every call with "Database is already closed" while calls kept coming, because HikariCP
 * did not know H2's SQL states for a lost connection. Against PostgreSQL it evicts such a
 * connection and opens a new one on the next call; the mock must do the same.
 */
class DatabaseRestartRecoveryTest {
    private static final int CONTAINERS = 3;
    private FunctionFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) f.close();
    }

    @Test
    void everyPooledContainerReconnectsWithinAFewCallsAfterTheDatabaseComesBack() throws Exception {
        f = new FunctionFixture(20, FunctionFixture.quick(), 1);
        Set<String> warm = containersOf(roundOfCalls(), "warm-up");
        assertEquals(CONTAINERS, warm.size(), "one container per concurrent call");

        // Long enough that the first round surely meets it stopped, even on a loaded machine.
        f.db.stopFor(Duration.ofSeconds(3));
        for (Answer a : roundOfCalls()) {
            assertEquals(500, a.status(), "a call succeeded on a stopped database");
            // As PostgreSQL's clients would see it: the dropped connection (08006), or, when the pool
            // checked it first (idle over 500 ms on a slow machine), the refused reconnect (57P03).
            assertTrue(Set.of("08006", "57P03").contains(a.json().path("errorCode").asText()), () -> a.json().toString());
        }
        // Calls keep coming while it is down (as a running lane's do), well inside HikariCP's
        // 500 ms "recently used, skip validation" window, so nothing but eviction can save them.
        while (f.db.isStopped()) roundOfCalls();
        List<List<Answer>> after = new ArrayList<>();
        for (int round = 0; round < 3; round++) after.add(roundOfCalls());
        List<Answer> last = after.get(after.size() - 1);
        for (Answer a : last) assertEquals(200, a.status(), () -> "still failing after 3 rounds: " + describe(after));
        assertEquals(warm, containersOf(last, "last round"), "the same containers recovered; none was replaced");
        await().atMost(Duration.ofSeconds(5)).until(() -> f.db.connectionsInUse() == CONTAINERS);
    }

    @Test
    void theProxyPoolReconnectsToo() throws Exception {
        f = new FunctionFixture(20, FunctionFixture.quick(), 1);
        assertEquals(200, f.invoke("?mode=proxy").status());
        f.db.stopFor(Duration.ofMillis(500));
        while (f.db.isStopped()) f.invoke("?mode=proxy");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) statuses.add(f.invoke("?mode=proxy").status());
        assertEquals(200, statuses.get(statuses.size() - 1), statuses::toString);
    }

    private List<Answer> roundOfCalls() {
        return f.invokeConcurrently("?mode=pooled&sleepMs=150", CONTAINERS);
    }

    private static Set<String> containersOf(List<Answer> answers, String what) {
        Set<String> ids = new HashSet<>();
        for (Answer a : answers) {
            assertEquals(200, a.status(), () -> what + ": " + a.json());
            ids.add(a.json().get("container").asText());
        }
        return ids;
    }

    private static String describe(List<List<Answer>> rounds) {
        StringBuilder s = new StringBuilder();
        for (List<Answer> round : rounds) {
            for (Answer a : round) s.append(a.status()).append(' ').append(a.json().path("error").asText("")).append("; ");
            s.append('\n');
        }
        return s.toString();
    }
}
