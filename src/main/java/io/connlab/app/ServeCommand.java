package io.connlab.app;

import io.connlab.app.engine.Backend;
import io.connlab.app.engine.MockSettingsFile;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.EndpointProfiles;
import io.connlab.mock.ApiKind;
import io.connlab.mock.MockBackend;
import io.connlab.mock.MockConfig;
import io.connlab.mock.MockEndpoints;
import io.connlab.mock.TimeScale;
import io.connlab.mock.gateway.GatewayWarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code connlab serve}: the mock backend alone, for a class to connect to. Runs until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run the bundled mock backend alone (a whole class can connect to it).",
                "Prints every endpoint and a profile JSON the app can load. Ctrl-C stops it cleanly."})
final class ServeCommand implements Callable<Integer> {
    /** Enough for the JIT's top tier (about 5,000 calls of each method on the path); about 0.45 s at start. */
    private static final int WARM_UP_MESSAGES = 12_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for a class).",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--http-port", description = "Port of the poll, SNS, invoke, @connections and admin API (0 = any free).",
            defaultValue = "0")
    int httpPort;

    @Option(names = "--ws-port", description = "Port of the WebSocket gateway (0 = any free).", defaultValue = "0")
    int wsPort;

    @Option(names = "--stage", description = "API Gateway stage, the first path segment (default ${DEFAULT-VALUE}).",
            defaultValue = MockConfig.DEFAULT_STAGE)
    String stage;

    @Option(names = "--time-scale", paramLabel = "K",
            description = "Divide gateway and Lambda timeouts by K (60: a 10-minute idle timeout in 10 s).",
            defaultValue = "1")
    double timeScale;

    @Option(names = "--token", description = "The class token: students need it to connect (?token=T, the $connect"
            + " authorizer). It goes into the students' profile.")
    String token;

    @Option(names = "--instructor-key", paramLabel = "K", description = "The instructor's key for the admin API, faults,"
            + " @connections and SNS topic administration (Authorization: Bearer K, ?token=K, or AWS_ACCESS_KEY_ID=K);"
            + " never in the students' profile. Default: a random one, printed once in the instructor's profile.")
    String instructorKey;

    @Option(names = "--public-host", paramLabel = "H", description = "The address students use to reach this machine, for"
            + " the students' profile (default: this machine's own address when --host is 0.0.0.0).")
    String publicHost;

    @Option(names = "--invocations-per-client", paramLabel = "N", description = "Function invocations one client address"
            + " may have running at once (default ${DEFAULT-VALUE}; 0 = no cap), so one student's burst cannot hold every"
            + " database connection.", defaultValue = "20")
    int invocationsPerClient;

    @Mixin
    MockOptions mock;

    @Option(names = "--api", paramLabel = "KIND", description = "Which API Gateway kind the poll and invoke API play:"
            + " http (HTTP API, 30 s timeout, as the live stack; default) or rest (REST API, 29 s).", defaultValue = "http")
    String api;

    @Option(names = "--settings", paramLabel = "FILE", description = "Mock settings from 'connlab calibrate' (rtt, jitter,"
            + " cold start, api); options given here as well win.")
    Path settings;

    @Option(names = "--cold-start", paramLabel = "MS", description = "A simulated function's init phase on a cold start"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "" + MockConfig.DEFAULT_COLD_START_MILLIS)
    int coldStart;

    /** Lets tests run {@code serve} without blocking forever; counted down on stop. */
    CountDownLatch stop = new CountDownLatch(1);
    volatile MockBackend running;

    @Override
    public Integer call() throws Exception {
        MockConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayWarmUp.run(WARM_UP_MESSAGES); // before the ports open: the first class message is as quick as the rest
        MockBackend backend;
        try {
            backend = MockBackend.start(config);
        } catch (java.net.BindException e) {
            err.println("Cannot start: " + e.getMessage() + ". Is another server on that port, or is " + host
                    + " not an address of this machine? Try another --http-port/--ws-port (0 = any free port) or --host.");
            return 1;
        }
        running = backend;
        Thread hook = new Thread(() -> {
            backend.close();
            stop.countDown();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        print(out, backend.endpoints(), config);
        if (!ServeReach.isLoopback(host) && token == null) {
            err.println("WARNING: listening beyond loopback (" + host + ") without --token: anyone who can reach"
                    + " this machine can connect. Start with --token T and share ws URL + ?token=T with the class.");
        }
        out.flush();
        err.flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it closes the backend
        }
        backend.close();
        return 0;
    }

    MockConfig config() {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host: unknown host '" + host + "'");
        }
        try {
            if (instructorKey == null) instructorKey = InstructorKeys.random();
            MockConfig c = mock.applyTo(new MockConfig(host, httpPort, wsPort, stage, new TimeScale(timeScale), token, 0, 0,
                    MockConfig.defaults().dbMaxConnections(), ApiKind.parse(api), coldStart))
                    .withInstructorKey(instructorKey).withInvocationsPerClient(invocationsPerClient);
            if (token != null && token.equals(instructorKey)) {
                throw new IllegalArgumentException("--instructor-key must differ from --token: every student has the token");
            }
            return settings == null ? c : fromSettingsFile(c);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The file's values, except where the command line names an option itself. */
    private MockConfig fromSettingsFile(MockConfig given) {
        MockSettingsFile.Settings f = MockSettingsFile.read(settings);
        var parsed = spec.commandLine().getParseResult();
        return new MockConfig(given.host(), given.httpPort(), given.wsPort(), given.stage(), given.timeScale(), given.token(),
                parsed.hasMatchedOption("--rtt") ? given.rttMillis() : f.rttMillis(),
                parsed.hasMatchedOption("--jitter") ? given.jitterMillis() : f.jitterMillis(), given.dbMaxConnections(),
                parsed.hasMatchedOption("--api") ? given.apiKind() : f.api(),
                parsed.hasMatchedOption("--cold-start") ? given.coldStartMillis() : f.coldStartMillis(),
                given.instructorKey(), given.invocationsPerClient());
    }

    private void print(PrintWriter out, MockEndpoints local, MockConfig config) {
        List<String> addresses = publicHost != null ? List.of(publicHost) : ServeReach.studentAddresses(host);
        MockEndpoints e = addresses.isEmpty() ? local : ServeReach.at(local, addresses.get(0));
        String q = token == null ? "" : "?token=" + token;
        out.println("ConnLab mock backend " + Version.get() + " is running (stage " + config.stage()
                + ", " + config.apiKind().label()
                + ", time scale x" + fmt(config.timeScale().factor()) + ", rtt " + config.rttMillis() + " ms, jitter "
                + config.jitterMillis() + " ms, cold start " + config.coldStartMillis() + " ms, max_connections "
                + config.dbMaxConnections() + ")");
        out.println();
        out.println("  WebSocket        " + e.websocketUrl() + q);
        out.println("  Poll             " + e.pollUrl() + "?cursor=0&wait=20");
        out.println("  SNS endpoint     " + e.snsEndpoint());
        out.println("  SNS topic        " + e.topicArn() + "  (region " + e.region() + ")");
        out.println("  Invoke           " + e.invokeUrl() + "?mode=pooled|unpooled|proxy");
        out.println("  @connections     " + e.connectionsUrl() + "/{connectionId}  (instructor key)");
        out.println("  Admin            " + e.adminUrl() + "status  (instructor key)");
        out.println();
        out.println("  Try: aws sns publish --endpoint-url " + e.snsEndpoint() + " --region " + e.region()
                + " --topic-arn " + e.topicArn() + " --message hello");
        out.println();
        out.println("Endpoint profile for students (save as class.json and hand it out; it holds the class token,"
                + " not the instructor key):");
        out.print(EndpointProfiles.toJson(studentProfile(e)));
        printReach(out, addresses);
        out.println("Instructor profile, for the window on this machine only (it holds the instructor key: keep it"
                + " off the projector; load it in the window for faults, network conditions and the backend panel):");
        out.print(EndpointProfiles.toJson(Backend.profileOf("ConnLab mock on this machine (instructor)", local, token)
                .withInstructorKey(config.instructorKey())));
        out.println();
        out.println("The ports change at every start, and a handed-out profile with them. To keep these ports (and this"
                + " key) next time:");
        out.println("  " + sameAgain(local, config));
        out.println();
        out.println("Ctrl-C stops the backend.");
    }

    /** What a student may use: connect, publish, poll, invoke; no admin API, no @connections, no instructor key. */
    private EndpointProfile studentProfile(MockEndpoints e) {
        return Backend.profileOf("ConnLab class on " + URI.create(e.pollUrl()).getHost(), e, token).toBuilder()
                .adminUrl(null).connectionsUrl(null).build();
    }

    private void printReach(PrintWriter out, List<String> addresses) {
        out.println();
        if (ServeReach.isLoopback(host)) {
            out.println("Listening on " + host + " only: programs on this machine can connect, no other machine can."
                    + " For a class: connlab serve --host 0.0.0.0 --token <class token>");
            out.println();
            return;
        }
        if (addresses.isEmpty()) {
            out.println("This machine has no network address now (no Wi-Fi or cable?): the students' profile points at"
                    + " loopback. Connect to the class network and restart, or give --public-host H.");
        } else if (addresses.size() > 1) {
            out.println("The students' profile uses " + addresses.get(0) + "; this machine also has "
                    + String.join(", ", addresses.subList(1, addresses.size()))
                    + ". If students are on one of those networks, restart with --public-host <that address>.");
        }
        out.println();
        ServeReach.print(out, host, token != null);
    }

    /** This very command line with the ports just used, so a restart keeps the handed-out profile valid. */
    private String sameAgain(MockEndpoints local, MockConfig config) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        dropOption(args, "--http-port");
        dropOption(args, "--ws-port");
        dropOption(args, "--instructor-key");
        args.remove("serve");
        StringBuilder b = new StringBuilder("connlab serve");
        for (String a : args) b.append(' ').append(a.matches("[A-Za-z0-9_./:=@,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        b.append(" --http-port ").append(URI.create(local.pollUrl()).getPort());
        b.append(" --ws-port ").append(URI.create(local.websocketUrl()).getPort());
        b.append(" --instructor-key ").append(config.instructorKey());
        return b.toString();
    }

    private static void dropOption(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name)) {
                args.remove(i);
                if (i < args.size()) args.remove(i);
                return;
            }
            if (args.get(i).startsWith(name + "=")) {
                args.remove(i);
                return;
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

}
