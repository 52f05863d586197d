package io.connlab.mock;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

/** The handler's decisions, with a fake halt; ServeOutOfMemoryTest runs the real thing in a small heap. */
class OutOfMemoryExitTest {
    private final List<Integer> halts = new ArrayList<>();
    private final List<Throwable> passedOn = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final OutOfMemoryExit handler = new OutOfMemoryExit((t, e) -> passedOn.add(e), halts::add,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void anOutOfMemoryErrorHaltsWithStatus3AndSaysWhy() throws Exception {
        Thread worker = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "mock-http-5");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();
        assertEquals(List.of(OutOfMemoryExit.EXIT_STATUS), halts);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("ran out of memory"), said);
        assertTrue(said.contains("mock-http-5"), said);
        assertTrue(said.contains("-Xmx"), "says what to do: " + said);
        assertTrue(passedOn.isEmpty());
    }

    @Test
    void anOutOfMemoryErrorWrappedAsACauseHaltsToo() {
        handler.uncaughtException(Thread.currentThread(), new ExecutionException(new OutOfMemoryError("Metaspace")));
        assertEquals(List.of(3), halts);
    }

    @Test
    void anyOtherFailureGoesToTheHandlerBeforeAndNeverHalts() {
        IllegalStateException boom = new IllegalStateException("boom");
        handler.uncaughtException(Thread.currentThread(), boom);
        handler.uncaughtException(Thread.currentThread(), new StackOverflowError());
        assertTrue(halts.isEmpty());
        assertEquals(2, passedOn.size());
        assertSame(boom, passedOn.get(0));
    }

    @Test
    void withoutAHandlerBeforeItPrintsTheFailureAsTheJvmWould() {
        OutOfMemoryExit alone = new OutOfMemoryExit(null, halts::add, new PrintStream(err, true, StandardCharsets.UTF_8));
        alone.uncaughtException(new Thread("lane-1"), new IllegalStateException("boom"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("Exception in thread \"lane-1\" java.lang.IllegalStateException: boom"), said);
        assertTrue(halts.isEmpty());
    }

    @Test
    void anOutOfMemoryErrorCaughtByALibraryEndsTheProcessOnlyWhenInstalled() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Exception wrapped = new Exception(new OutOfMemoryError("Java heap space")); // as Java-WebSocket hands it on
        try {
            Thread.setDefaultUncaughtExceptionHandler(null);
            OutOfMemoryExit.exitIfOutOfMemory(wrapped);
            assertTrue(halts.isEmpty(), "not installed (a test, the app's in-process mock): nothing happens");
            Thread.setDefaultUncaughtExceptionHandler(handler);
            OutOfMemoryExit.exitIfOutOfMemory(new Exception("not memory"));
            assertTrue(halts.isEmpty());
            OutOfMemoryExit.exitIfOutOfMemory(wrapped);
            assertEquals(List.of(3), halts);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
