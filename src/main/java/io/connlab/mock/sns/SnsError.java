package io.connlab.mock.sns;

/**
 * An error SNS answers with: the HTTP status, AWS's error code (which the SDK maps to its
 * exception class, e.g. {@code NotFound} to {@code NotFoundException}) and message.
 */
final class SnsError extends Exception {
    final int status;
    final String code;

    SnsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SnsError invalidParameter(String what) {
        return new SnsError(400, "InvalidParameter", "Invalid parameter: " + what);
    }

    static SnsError notFound() {
        return new SnsError(404, "NotFound", "Topic does not exist");
    }

    /** A value shown in an error message, cut to 64 characters. */
    static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    static SnsError messageTooLong() {
        return invalidParameter("Message too long");
    }
}
