package io.connlab.run;

import java.util.List;

/**
 * A run could not start or go on; the message says why in the user's words (English, for the
 * command line). When {@link #key()} is set, the window says the same in its own language: the
 * key names its words in the window's bundles, filled in with {@link #args()}.
 */
public final class RunException extends Exception {
    private final String key;
    private final List<Object> args;

    public RunException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public RunException(String message, Throwable cause, String key, Object... args) {
        super(message, cause);
        this.key = key;
        this.args = java.util.Arrays.asList(args);
    }

    /** The window's words for this failure, or null when only the English message exists. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
