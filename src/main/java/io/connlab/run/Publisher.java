package io.connlab.run;

/** Publishes one message of a run. Called from the run's publisher threads, several at once: implementations are thread-safe. */
public interface Publisher extends AutoCloseable {

    /** Sends {@code text}; throws with a clear message when the backend refused or could not be reached. */
    void publish(String text) throws PublishException;

    /** Bytes on the wire for one publish of {@code text}, estimated, for the cost and byte figures. */
    long estimatedRequestBytes(String text);

    @Override
    void close();

    /** A publish failed: the message says why in the user's words. */
    final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
