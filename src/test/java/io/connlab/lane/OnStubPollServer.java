package io.connlab.lane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** What the poll lane tests share: a stub poll API started for each test, the lane under test and its recorder. */
abstract class OnStubPollServer {
    static final Duration WAIT = Duration.ofSeconds(15);
    StubPollServer server;
    Lane lane;
    final RecordingRecorder rec = new RecordingRecorder();

    @BeforeEach
    void startServer() throws Exception {
        server = new StubPollServer();
    }

    @AfterEach
    void cleanUp() {
        if (lane != null) lane.stop();
        server.close();
    }
}
