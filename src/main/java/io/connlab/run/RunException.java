package io.connlab.run;

/** A run could not start or go on; the message says why in the user's words. */
public final class RunException extends Exception {
    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
