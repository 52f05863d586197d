package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Test connection": tries each endpoint a profile names, the way the lanes will use it, and
 * says for each whether it works, is not part of this stack (unavailable, not an error), or
 * failed and why. Blocks for up to a few timeouts: never call it on the FX thread.
 */
public final class ConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened to one endpoint. */
    public enum Outcome { OK, UNAVAILABLE, FAILED }

    /** One line of the result: the endpoint ("WebSocket", "Poll", "Invoke", "SNS", "Credentials"). */
    public record Check(String endpoint, Outcome outcome, String detail) {
        @Override
        public String toString() {
            return endpoint + ": " + outcome + (detail.isEmpty() ? "" : " - " + detail);
        }
    }

    private final Duration timeout;
    private final HttpClient http;

    public ConnectionTest(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Every check, in the order the lanes appear. */
    public List<Check> run(EndpointProfile p) {
        List<Check> out = new ArrayList<>();
        out.add(webSocket(p));
        out.add(p.hasPoll() ? poll(p) : new Check("Poll", Outcome.UNAVAILABLE, "no poll URL: the poll lanes are off"));
        out.add(p.hasInvoke() ? invoke(p) : new Check("Invoke", Outcome.UNAVAILABLE, "no invoke URL: the pool lanes are off"));
        if (p.kind() == EndpointProfile.Kind.LIVE) out.add(credentials(p));
        out.add(p.hasSns() ? sns(p) : new Check("SNS", Outcome.UNAVAILABLE, "no topic: runs publish over the WebSocket"));
        return out;
    }

    Check webSocket(EndpointProfile p) {
        URI uri = p.websocketConnectUri();
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(uri, new WebSocket.Listener() { }).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "connection test").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Check("WebSocket", Outcome.OK, "connected and closed");
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return new Check("WebSocket", Outcome.FAILED, FailureReason.ofStatus(h.getResponse().statusCode()));
            }
            return new Check("WebSocket", Outcome.FAILED, FailureReason.of(e, uri.getHost()));
        } catch (TimeoutException e) {
            return new Check("WebSocket", Outcome.FAILED, FailureReason.of(e, uri.getHost()) + " (no handshake answer)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("WebSocket", Outcome.FAILED, "interrupted");
        }
    }

    Check poll(EndpointProfile p) {
        return http("Poll", HttpRequest.newBuilder(URI.create(p.pollUrl() + "?wait=0")).GET(), answer -> {
            JsonNode n = JSON.readTree(answer);
            return n.has("cursor") && n.has("messages") ? Optional.empty() : Optional.of("the answer is not a poll answer");
        });
    }

    Check invoke(EndpointProfile p) {
        return http("Invoke", HttpRequest.newBuilder(URI.create(p.invokeUrl() + "?mode=pooled"))
                .POST(HttpRequest.BodyPublishers.noBody()), answer -> {
                    JsonNode n = JSON.readTree(answer);
                    return n.hasNonNull("error") ? Optional.of(n.get("error").asText()) : Optional.empty();
                });
    }

    private interface BodyCheck {
        Optional<String> problem(String body) throws IOException;
    }

    private Check http(String name, HttpRequest.Builder request, BodyCheck check) {
        HttpRequest r = request.timeout(timeout).build();
        try {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
            String body = answer.body();
            Optional<String> bodyProblem;
            try {
                bodyProblem = check.problem(body);
            } catch (IOException notJson) {
                bodyProblem = Optional.of("the answer is not JSON");
            }
            if (answer.statusCode() != 200) {
                return new Check(name, Outcome.FAILED, FailureReason.ofStatus(answer.statusCode())
                        + bodyProblem.map(b -> " (" + b + ")").orElse(""));
            }
            return bodyProblem.map(b -> new Check(name, Outcome.FAILED, b)).orElse(new Check(name, Outcome.OK, "answered 200"));
        } catch (IOException e) {
            return new Check(name, Outcome.FAILED, FailureReason.of(e, r.uri().getHost()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name, Outcome.FAILED, "interrupted");
        }
    }

    Check credentials(EndpointProfile p) {
        List<String> ignored = LiveCredentials.ignoredEndpointSettings();
        String note = ignored.isEmpty() ? "" : "; ignored for this live profile: " + String.join(", ", ignored);
        String source = p.awsProfile() == null ? "the default chain" : "profile '" + p.awsProfile() + "'";
        return LiveCredentials.problem(p)
                .map(why -> new Check("Credentials", Outcome.FAILED, "no credentials: " + why + note))
                .orElse(new Check("Credentials", Outcome.OK, "from " + source + note));
    }

    Check sns(EndpointProfile p) {
        if (p.kind() == EndpointProfile.Kind.LIVE && LiveCredentials.problem(p).isPresent()) {
            return new Check("SNS", Outcome.FAILED, "not tried: no credentials (see Credentials)");
        }
        try (SnsClient sns = AwsAccess.snsClient(p)) {
            String next = null;
            for (int page = 0; page < 10; page++) {
                String token = next;
                ListTopicsResponse r = sns.listTopics(b -> b.nextToken(token));
                if (r.topics().stream().anyMatch(t -> t.topicArn().equals(p.topicArn()))) return new Check("SNS", Outcome.OK, "topic found");
                next = r.nextToken();
                if (next == null) break;
            }
            return new Check("SNS", Outcome.FAILED, "the topic " + p.topicArn() + " does not exist in " + p.region()
                    + " for these credentials (wrong account or region, or the stack was deleted)");
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("AuthorizationError".equals(code)) {
                // the keys are valid, the role just may not list topics: publishing may well work
                return new Check("SNS", Outcome.OK, "credentials accepted; the topic was not confirmed (sns:ListTopics not allowed)");
            }
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return new Check("SNS", Outcome.FAILED, FailureReason.ofStatus(e.statusCode()) + " (" + code + "): " + message);
        } catch (SdkServiceException e) {
            return new Check("SNS", Outcome.FAILED, FailureReason.ofStatus(e.statusCode()) + ": " + e.getMessage());
        } catch (SdkClientException e) {
            return new Check("SNS", Outcome.FAILED, FailureReason.of(e, AwsAccess.snsHost(p)));
        }
    }
}
