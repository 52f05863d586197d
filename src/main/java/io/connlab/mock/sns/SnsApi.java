package io.connlab.mock.sns;

import io.connlab.mock.http.ClassKeys;
import io.connlab.mock.http.HttpExchange;
import io.connlab.mock.http.HttpHandler;
import io.connlab.mock.http.HttpIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * SNS's AWS Query API, enough for the real AWS SDK {@code SnsClient} (via
 * {@code endpointOverride}) and {@code aws sns --endpoint-url} to publish to the mock
 * unchanged: {@code Publish}, {@code CreateTopic}, {@code ListTopics}, {@code DeleteTopic},
 * with AWS's XML answers and error codes. Signatures are not checked. A published message
 * goes to the topic's in-process subscribers (the poll store, the gateway's broadcast).
 *
 * <p>What AWS guards with a signature the mock guards otherwise (docs/SECURITY.md): an action that
 * changes something is taken only as a POST (a GET could be any web page's {@code <img>}), and topic
 * administration ({@code CreateTopic}, {@code DeleteTopic}) takes the instructor key, carried as the
 * signature's access key id ({@code AWS_ACCESS_KEY_ID=K}) or a bearer token. {@code Publish} stays
 * open, as poll and invoke are: the SDK cannot carry the class token.
 */
public final class SnsApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SnsApi.class);
    static final int MAX_MESSAGE_BYTES = 262_144;
    static final int TOPICS_PER_PAGE = 100;
    static final String API_VERSION = "2010-03-31";

    private final TopicArn defaultTopic;
    private final Topics topics;
    private final ClassKeys keys;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong fifoSequence = new AtomicLong();

    /** @param defaultTopicArn a topic that exists from the start; new topics get its region and account */
    public SnsApi(String defaultTopicArn) {
        this(defaultTopicArn, ClassKeys.NONE);
    }

    /** @param keys topic administration takes the instructor key when there is one */
    public SnsApi(String defaultTopicArn, ClassKeys keys) {
        this(defaultTopicArn, new Topics(), keys);
    }

    SnsApi(String defaultTopicArn, Topics topics) {
        this(defaultTopicArn, topics, ClassKeys.NONE);
    }

    private SnsApi(String defaultTopicArn, Topics topics, ClassKeys keys) {
        this.topics = topics;
        this.keys = keys;
        try {
            defaultTopic = TopicArn.parse(defaultTopicArn, "TopicArn");
            topics.create(defaultTopic.toString(), defaultTopic.fifo(), false);
        } catch (SnsError e) {
            throw new IllegalArgumentException("not a topic ARN: " + defaultTopicArn);
        }
    }

    public String defaultTopicArn() {
        return defaultTopic.toString();
    }

    /** Calls {@code subscriber} with the text of every message published to the topic. */
    public void subscribe(String topicArn, Consumer<String> subscriber) {
        topics.subscribe(topicArn, (room, message) -> subscriber.accept(message));
    }

    /** Calls {@code subscriber} with the room (its {@code room} attribute, else the default) and text of every message. */
    public void subscribeWithRoom(String topicArn, BiConsumer<String, String> subscriber) {
        topics.subscribe(topicArn, subscriber);
    }

    /** Messages published successfully so far, on every topic. */
    public long published() {
        return published.get();
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId = UUID.randomUUID().toString();
        try {
            String method = ex.getRequestMethod();
            if (!"POST".equals(method) && !"GET".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, POST");
                throw new SnsError(405, "MethodNotAllowed", "The AWS Query API takes POST (or GET), not " + method);
            }
            Map<String, String> p = QueryRequest.parameters(ex);
            String action = p.get("Action");
            if (action == null || action.isEmpty()) {
                throw new SnsError(400, "MissingAction", "The request is missing an action or a required parameter.");
            }
            String version = p.getOrDefault("Version", API_VERSION);
            if (!API_VERSION.equals(version)) throw unknownAction(action, version);
            authorize(ex, action);
            String xml = switch (action) {
                case "Publish" -> publish(p, requestId);
                case "CreateTopic" -> createTopic(p, requestId);
                case "ListTopics" -> listTopics(p, requestId);
                case "DeleteTopic" -> deleteTopic(p, requestId);
                default -> throw unknownAction(action, version);
            };
            sendXml(ex, 200, xml, requestId);
        } catch (SnsError e) {
            sendXml(ex, e.status, QueryXml.error(e.code, e.getMessage(), requestId), requestId);
        } catch (IOException clientGone) {
            ex.close();
        } catch (RuntimeException e) {
            LOG.warn("SNS request failed", e);
            sendXml(ex, 500, QueryXml.error("InternalError", "Internal error", requestId), requestId);
        }
    }

    /** Refuses a state change by GET, and topic administration without the instructor key. */
    private void authorize(HttpExchange ex, String action) throws SnsError {
        boolean changes = switch (action) {
            case "Publish", "CreateTopic", "DeleteTopic" -> true;
            default -> false;
        };
        if (changes && "GET".equals(ex.getRequestMethod())) {
            throw authorizationError("The mock takes " + action + " only as a POST, as the AWS SDK and CLI send it:"
                    + " a GET could come from any web page (an <img> sends one unasked)");
        }
        boolean administers = action.equals("CreateTopic") || action.equals("DeleteTopic");
        if (administers && keys.who(ex::requestHeader, HttpIo.query(ex)) != ClassKeys.Holder.INSTRUCTOR) {
            throw authorizationError(action + " needs the instructor key (send it as the AWS access key id:"
                    + " AWS_ACCESS_KEY_ID=<key>); the class token lets a student publish, not administer topics");
        }
    }

    /** SNS's own answer to a caller without permission (the SDK's {@code AuthorizationErrorException}). */
    private static SnsError authorizationError(String message) {
        return new SnsError(403, "AuthorizationError", message);
    }

    private String publish(Map<String, String> p, String requestId) throws SnsError {
        String param = present(p.get("TopicArn")) ? "TopicArn" : "TargetArn";
        String arn = p.get(param);
        if (!present(arn)) throw SnsError.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
        TopicArn topicArn = TopicArn.parse(arn, param);
        String message = p.get("Message");
        if (message == null || message.isEmpty()) throw SnsError.invalidParameter("Empty message");
        checkSubject(p.get("Subject"));
        long attributeBytes = MessageAttributes.checkedSize(p);
        String room = MessageAttributes.room(p);
        if (utf8Length(message) + attributeBytes > MAX_MESSAGE_BYTES) throw SnsError.messageTooLong();
        String delivered = PublishStructure.forSubscribers(p.get("MessageStructure"), message);
        FifoParameters.check(topicArn.fifo(), p);
        Topics.Topic topic = topics.get(topicArn.toString());
        if (topic == null) throw SnsError.notFound();
        Deduplication.Sent sent = topic.fifo()
                ? topics.deduplication().publishOnce(topic.arn() + '\n' + FifoParameters.deduplicationId(topic, p, message),
                        now -> deliver(topic, room, delivered, now))
                : deliver(topic, room, delivered, 0);
        return QueryXml.response("Publish", requestId, x -> {
            QueryXml.element(x, "    ", "MessageId", sent.messageId());
            if (topic.fifo()) QueryXml.element(x, "    ", "SequenceNumber", sent.sequenceNumber());
        });
    }

    private Deduplication.Sent deliver(Topics.Topic topic, String room, String delivered, long nowNanos) {
        String messageId = UUID.randomUUID().toString();
        String sequence = topic.fifo() ? String.format("%020d", fifoSequence.incrementAndGet()) : null;
        topics.deliver(topic.arn(), room, delivered);
        published.incrementAndGet();
        return new Deduplication.Sent(messageId, sequence, nowNanos);
    }

    private String createTopic(Map<String, String> p, String requestId) throws SnsError {
        String name = p.get("Name");
        boolean fifoAsked = "true".equalsIgnoreCase(attribute(p, "FifoTopic"));
        if (name == null || !TopicArn.validName(name) || name.endsWith(".fifo") != fifoAsked) {
            throw SnsError.invalidParameter("Topic Name");
        }
        String cbd = attribute(p, "ContentBasedDeduplication");
        if (cbd != null && !cbd.equalsIgnoreCase("true") && !cbd.equalsIgnoreCase("false")) {
            throw SnsError.invalidParameter("Attributes Reason: ContentBasedDeduplication must be true or false");
        }
        boolean contentBased = "true".equalsIgnoreCase(cbd);
        if (contentBased && !fifoAsked) {
            throw SnsError.invalidParameter("Attributes Reason: ContentBasedDeduplication applies only to FIFO topics");
        }
        String arn = defaultTopic.withName(name).toString();
        topics.create(arn, fifoAsked, contentBased);
        return QueryXml.response("CreateTopic", requestId, x -> QueryXml.element(x, "    ", "TopicArn", arn));
    }

    private String listTopics(Map<String, String> p, String requestId) throws SnsError {
        String after = present(p.get("NextToken")) ? decodeToken(p.get("NextToken")) : null;
        List<String> page = topics.page(after, TOPICS_PER_PAGE);
        String next = page.size() == TOPICS_PER_PAGE && topics.hasAfter(page.get(page.size() - 1))
                ? encodeToken(page.get(page.size() - 1)) : null;
        return QueryXml.response("ListTopics", requestId, x -> {
            x.append("    <Topics>\n");
            for (String arn : page) {
                x.append("      <member>\n");
                QueryXml.element(x, "        ", "TopicArn", arn);
                x.append("      </member>\n");
            }
            x.append("    </Topics>\n");
            if (next != null) QueryXml.element(x, "    ", "NextToken", next);
        });
    }

    /** Like AWS, deleting a topic that does not exist succeeds. */
    private String deleteTopic(Map<String, String> p, String requestId) throws SnsError {
        String arn = p.get("TopicArn");
        if (!present(arn)) throw SnsError.invalidParameter("TopicArn Reason: no value for required parameter");
        topics.delete(TopicArn.parse(arn, "TopicArn").toString());
        return QueryXml.response("DeleteTopic", requestId, null);
    }

    private static SnsError unknownAction(String action, String version) {
        return new SnsError(400, "InvalidAction", "Could not find operation " + SnsError.shorten(action) + " for version "
                + SnsError.shorten(version));
    }

    /** {@code Attributes.entry.N.key=K} / {@code Attributes.entry.N.value=V}, as the SDK and CLI send a map. */
    private static String attribute(Map<String, String> p, String key) {
        for (Map.Entry<String, String> e : p.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("Attributes.entry.") && k.endsWith(".key") && key.equals(e.getValue())) {
                return p.get(k.substring(0, k.length() - ".key".length()) + ".value");
            }
        }
        return null;
    }

    /** Subject: optional; when given, 1 to 99 printable ASCII characters, no line breaks. */
    private static void checkSubject(String subject) throws SnsError {
        if (subject == null) return;
        boolean ok = !subject.isEmpty() && subject.length() < 100 && subject.charAt(0) != ' ';
        for (int i = 0; ok && i < subject.length(); i++) {
            char c = subject.charAt(i);
            ok = c >= 0x20 && c < 0x7f;
        }
        if (!ok) throw SnsError.invalidParameter("Subject");
    }

    private static String encodeToken(String arn) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(arn.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) throws SnsError {
        try {
            String arn = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            TopicArn.parse(arn, "NextToken");
            return arn;
        } catch (IllegalArgumentException | SnsError e) {
            throw SnsError.invalidParameter("NextToken");
        }
    }

    private static int utf8Length(String s) {
        if (s.length() > MAX_MESSAGE_BYTES) return s.length(); // already too long, whatever the encoding
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static void sendXml(HttpExchange ex, int status, String xml, String requestId) {
        ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
        HttpIo.send(ex, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
