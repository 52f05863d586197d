package io.connlab.app;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --profile}: the endpoints to run against instead of the bundled mock ({@code bench}, {@code bench-backend}). */
final class ProfileOption {
    @Option(names = "--profile", paramLabel = "FILE",
            description = "Endpoint profile JSON (from 'connlab serve' or a live stack); default: the bundled mock in this process.")
    Path file;
}
