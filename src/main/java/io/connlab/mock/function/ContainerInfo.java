package io.connlab.mock.function;

import java.time.Instant;

/**
 * One simulated container as the admin API and the UI's pool picture show it.
 *
 * @param state {@code initializing}, {@code busy} or {@code idle}
 */
public record ContainerInfo(String id, String mode, String state, Instant createdAt, long invocations) {
}
