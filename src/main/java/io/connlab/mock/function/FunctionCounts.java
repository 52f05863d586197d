package io.connlab.mock.function;

/**
 * Live counts of one simulated function (one mode) for the admin API.
 *
 * @param warm        idle containers ready for reuse
 * @param busy        containers initializing or running an invocation
 * @param coldStarts  containers started since the simulator began
 * @param invocations invocations run (throttled ones excluded)
 * @param errors      invocations that failed (HTTP 500)
 * @param throttles   invocations refused with 429 past the concurrency limit
 */
public record FunctionCounts(String mode, int warm, int busy, long coldStarts, long invocations, long errors,
                             long throttles) {
}
