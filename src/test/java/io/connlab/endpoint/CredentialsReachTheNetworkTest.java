package io.connlab.endpoint;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two profile kinds people use beside SSO and keys resolve as far as the network: an
 * {@code aws login} profile ({@code login_session}, the SDK's signin module refreshes its expired
 * session) and an assume-role profile ({@code role_arn} + {@code source_profile}, the sts module
 * calls AssumeRole). Their service endpoints point at a loopback server that records what reaches it.
 */
class CredentialsReachTheNetworkTest {
    private static final String SESSION = "arn:aws:iam::123456789012:user/student";
    private static final List<String> PROPERTIES = List.of("aws.region", "aws.endpointUrlSts", "aws.endpointUrlSignin",
            "aws.loginCacheDirectory");

    @TempDir
    Path home;
    private HttpServer aws;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void startLoopbackAws() throws Exception {
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
            ex.sendResponseHeaders(403, -1); // no credentials from here: reaching it is the point
            ex.close();
        });
        aws.start();
        for (String p : PROPERTIES) saved.put(p, System.getProperty(p));
        String url = "http://127.0.0.1:" + aws.getAddress().getPort();
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.endpointUrlSts", url);
        System.setProperty("aws.endpointUrlSignin", url);
        System.setProperty("aws.loginCacheDirectory", home.resolve("login-cache").toString());
    }

    @AfterEach
    void stop() {
        aws.stop(0);
        saved.forEach((k, v) -> {
            if (v == null) System.clearProperty(k);
            else System.setProperty(k, v);
        });
    }

    @Test
    void anAssumeRoleProfileCallsStsWithItsSourceProfilesKeys() throws Exception {
        String config = """
                [profile lab]
                region = eu-west-1

                [profile lab-role]
                role_arn = arn:aws:iam::123456789012:role/ConnLabInstructor
                source_profile = lab
                region = eu-west-1
                """;
        try (var files = new AwsConfigFiles(home, config, AwsConfigFiles.CREDENTIALS)) {
            String why = LiveCredentials.problem(LiveCredentialsTest.live("lab-role")).orElseThrow();
            assertTrue(requests.stream().anyMatch(r -> r.contains("Action=AssumeRole")
                    && r.contains("ConnLabInstructor")), "AssumeRole reached the network: " + requests);
            assertFalse(why.contains("class path"), why);
            assertTrue(why.contains("aws sts get-caller-identity --profile lab-role"), why);
        }
    }

    @Test
    void anAwsLoginProfileRefreshesItsSessionThroughSignin() throws Exception {
        String config = """
                [profile lab-login]
                login_session = %s
                region = eu-west-1
                """.formatted(SESSION);
        writeExpiredLoginToken();
        try (var files = new AwsConfigFiles(home, config, "")) {
            String why = LiveCredentials.problem(LiveCredentialsTest.live("lab-login")).orElseThrow();
            assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST ") && r.contains("refresh-token-1")),
                    "the refresh reached the network: " + requests);
            assertFalse(why.contains("class path"), why);
            assertTrue(why.contains("aws login --profile lab-login"), why);
        }
    }

    @Test
    void aBuildWithoutTheModuleSaysWhatToDoNotWhereTheClassPathIs() throws Exception {
        try (var files = new AwsConfigFiles(home, "[profile lab-role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = lab\n", "")) {
            String why = LiveCredentials.explain("lab-role", software.amazon.awssdk.core.exception.SdkClientException.create(
                    "To use assuming roles in the 'lab-role' profile, the 'sts' service module must be on the class path."));
            assertTrue(why.startsWith("Profile 'lab-role' needs the AWS SDK's 'sts' module, which this ConnLab build lacks."), why);
            assertFalse(why.contains("class path"), why);
        }
    }

    /** The cache file {@code aws login} leaves: an access key past its expiry, a refresh token and the DPoP key. */
    private void writeExpiredLoginToken() throws Exception {
        Path dir = Files.createDirectories(home.resolve("login-cache"));
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SESSION.getBytes(StandardCharsets.UTF_8)));
        String token = """
                {"accessToken":{"accessKeyId":"ASIAEXPIRED","secretAccessKey":"s","sessionToken":"t",
                 "accountId":"123456789012","expiresAt":"%s"},
                 "tokenType":"aws_sigv4","refreshToken":"refresh-token-1","clientId":"arn:aws:signin:::devtools/same-device",
                 "dpopKey":"%s"}
                """.formatted(Instant.now().minusSeconds(3600), sec1Pem().replace("\n", "\\n"));
        Files.writeString(dir.resolve(key + ".json"), token);
    }

    /** A fresh P-256 key as SEC1 PEM (with its curve and public key, as the SDK's loader wants). */
    private static String sec1Pem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = g.generateKeyPair();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(HexFormat.of().parseHex("30770201010420"));
        der.writeBytes(fixed32(priv.getS()));
        der.writeBytes(HexFormat.of().parseHex("a00a06082a8648ce3d030107a144034200" + "04"));
        der.writeBytes(fixed32(pub.getW().getAffineX()));
        der.writeBytes(fixed32(pub.getW().getAffineY()));
        return "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der.toByteArray()) + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static byte[] fixed32(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
