package io.connlab.mock;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * Ends the process, with a message, when any thread dies of an {@link OutOfMemoryError}.
 *
 * <p>Without it, the thread that ran out of memory (an HTTP worker, the server's dispatcher)
 * died alone: the listeners kept accepting connections that nothing answered, and even
 * SIGTERM failed, because the shutdown hooks needed memory too. A class saw a server that
 * hung. Halting instead (no shutdown hooks, nothing more to allocate) closes every port, so
 * clients see "connection refused" and whoever runs it sees why. The launchers also pass
 * {@code -XX:+ExitOnOutOfMemoryError} where they can set JVM flags; this covers
 * {@code java -jar}, where they cannot.
 */
public final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {
    /** The status {@code -XX:+ExitOnOutOfMemoryError} exits with, so both ways read the same. */
    public static final int EXIT_STATUS = 3;
    /** Freed before printing, so the message itself can be allocated. */
    private static volatile byte[] reserve = new byte[1 << 20];

    private final Thread.UncaughtExceptionHandler next;
    private final IntConsumer halt;
    private final PrintStream err;

    OutOfMemoryExit(Thread.UncaughtExceptionHandler next, IntConsumer halt, PrintStream err) {
        this.next = next;
        this.halt = halt;
        this.err = err;
    }

    /** Makes every thread without a handler of its own end the process on an OutOfMemoryError. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        if (previous instanceof OutOfMemoryExit) return;
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit(previous, Runtime.getRuntime()::halt, System.err));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (!causedByOutOfMemory(e)) {
            if (next != null) {
                next.uncaughtException(t, e);
            } else {
                err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(err);
            }
            return;
        }
        reserve = null;
        try {
            err.println("ConnLab ran out of memory (" + e + " in thread " + t.getName() + ") and stops now,"
                    + " rather than keep its ports open without answering. Give it more heap, e.g. java -Xmx2g -jar connlab.jar ...");
            err.flush();
        } catch (Throwable ignored) {
            // nothing more can be said; stop anyway
        } finally {
            halt.accept(EXIT_STATUS);
        }
    }

    /**
     * For code that catches a Throwable it did not cause (Java-WebSocket hands a worker's
     * OutOfMemoryError to {@code onError} and stops the server quietly): when {@code e} came from
     * running out of memory and the handler is installed, ends the process as an uncaught one would.
     */
    public static void exitIfOutOfMemory(Throwable e) {
        if (causedByOutOfMemory(e) && Thread.getDefaultUncaughtExceptionHandler() instanceof OutOfMemoryExit exit) {
            exit.uncaughtException(Thread.currentThread(), e);
        }
    }

    static boolean causedByOutOfMemory(Throwable e) {
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause()) {
            if (e instanceof OutOfMemoryError) return true;
        }
        return false;
    }
}
