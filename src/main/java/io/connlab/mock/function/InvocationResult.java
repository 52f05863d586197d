package io.connlab.mock.function;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invocation answers: which container, cold or warm, how long each phase took
 * (milliseconds), the database's connections, and the error (message and SQL state) if it failed.
 * {@code containerLost} (not answered) says the container's init failed and it must be discarded.
 */
record InvocationResult(String mode, String container, boolean coldStart, double initMs, double connectMs,
                        double queryMs, double totalMs, int dbConnections, int dbMaxConnections,
                        String error, String errorCode, boolean containerLost) {

    boolean failed() {
        return error != null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("container", container);
        m.put("coldStart", coldStart);
        m.put("initMs", initMs);
        m.put("connectMs", connectMs);
        m.put("queryMs", queryMs);
        m.put("totalMs", totalMs);
        m.put("dbConnections", dbConnections);
        m.put("dbMaxConnections", dbMaxConnections);
        if (error != null) {
            m.put("error", error);
            m.put("errorCode", errorCode);
        }
        return m;
    }
}
