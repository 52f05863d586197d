package io.connlab.endpoint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * assets/aws/deploy.sh and teardown.sh with the stack tests' fake AWS CLI (assets/aws/test/fake-aws;
 * assets/aws/test/scripts.test.js runs every documented invocation) on the PATH: the profile deploy.sh
 * writes is one the app loads, with the token and AWS profile the user gave, and teardown
 * removes the stack and the packaging bucket.
 */
class DeployScriptTest {
    @TempDir
    Path dir;
    Path log;

    record Result(int exit, String out) {
    }

    @BeforeEach
    void fakeAws() throws IOException {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash (deploy.ps1 is the Windows script)");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.copy(Path.of("assets/aws/test/fake-aws"), aws);
        aws.toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("state"));
        log = dir.resolve("aws-calls.log");
    }

    Result run(String script, String stsError, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", Path.of("assets/aws", script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("PATH", dir.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("FAKE_AWS_LOG", log.toString());
        pb.environment().put("FAKE_AWS_STATE", dir.resolve("state").toString());
        pb.environment().put("FAKE_AWS_STACK_STATUS", "CREATE_COMPLETE");
        if (stsError != null) pb.environment().put("FAKE_AWS_STS_ERROR", stsError);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(p.exitValue(), out);
    }

    @Test
    void deployWritesAProfileTheAppLoadsAndPrintsItsPathAndCost() throws Exception {
        Result r = run("deploy.sh", null, "--stack", "connlab-test", "--region", "eu-west-1", "--profile", "lab-sso",
                "--token", "class-token", "--students", "12");
        assertEquals(0, r.exit(), r.out());
        Path profileFile = dir.resolve("connlab-connlab-test.json");
        assertTrue(r.out().contains("Endpoint profile: " + profileFile), r.out());
        assertTrue(r.out().contains("Estimated cost of a workshop hour: 12 students"), r.out());
        EndpointProfile p = EndpointProfiles.load(profileFile);
        assertEquals(EndpointProfile.Kind.LIVE, p.kind());
        assertEquals("wss://w55.execute-api.eu-west-1.amazonaws.com/live?token=class-token", p.websocketConnectUri().toString());
        assertEquals("https://h77.execute-api.eu-west-1.amazonaws.com/live/poll", p.pollUrl());
        assertNull(p.invokeUrl(), "no database: the pool lanes are unavailable");
        assertEquals("lab-sso", p.awsProfile());
        assertEquals("sns", p.publishPath());
        String calls = Files.readString(log);
        assertTrue(calls.contains("s3api create-bucket --bucket connlab-packaging-123456789012-eu-west-1"), calls);
        assertTrue(calls.contains("cloudformation deploy"), calls);
        assertTrue(calls.contains("ConnectToken=class-token") && calls.contains("DatabaseMode=none"), calls);
        assertTrue(calls.lines().allMatch(l -> l.startsWith("--version") || l.contains("--profile lab-sso")), calls);
    }

    @Test
    void anExpiredSsoSessionNamesTheLoginCommand() throws Exception {
        Result r = run("deploy.sh", "Error when retrieving token from sso: Token has expired and refresh failed",
                "--region", "eu-west-1", "--profile", "lab-sso");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("aws sso login --profile lab-sso"), r.out());
        assertFalse(Files.readString(log).contains("cloudformation"), "nothing deployed");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyAwsCall() throws Exception {
        Result r = run("deploy.sh", null, "--region", "eu-west-1", "--token", "has space");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("--token may only hold"), r.out());
        Result db = run("deploy.sh", null, "--region", "eu-west-1", "--database", "existing");
        assertTrue(db.out().contains("--database existing needs --db-host and --db-secret-arn"), db.out());
    }

    @Test
    void teardownDeletesTheStackAndTheBucket() throws Exception {
        Files.createFile(dir.resolve("state/bucket"));
        Result r = run("teardown.sh", null, "--stack", "connlab-test", "--region", "eu-west-1", "--yes");
        assertEquals(0, r.exit(), r.out());
        String calls = Files.readString(log);
        assertTrue(calls.contains("cloudformation delete-stack --stack-name connlab-test"), calls);
        assertTrue(calls.contains("cloudformation wait stack-delete-complete"), calls);
        assertTrue(calls.contains("s3api delete-bucket --bucket connlab-packaging-123456789012-eu-west-1"), calls);
        assertFalse(Files.exists(dir.resolve("state/bucket")));
    }
}
