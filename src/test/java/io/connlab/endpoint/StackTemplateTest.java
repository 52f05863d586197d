package io.connlab.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * assets/aws/template.yaml against what the client expects of it: outputs that are exactly the
 * profile's fields, the chat sample's routes (no $default), /poll and /invoke, each integration
 * allowed to call only its function, least-privilege roles and 1-day logs. (The node test checks
 * it against the CloudFormation specification.)
 */
class StackTemplateTest {
    static JsonNode resources;
    static JsonNode template;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("assets/aws/template.yaml").toFile());
        resources = template.get("Resources");
    }

    static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) out.put(e.getKey(), e.getValue().get("Properties"));
        }
        return out;
    }

    @Test
    void outputsAreTheProfileFieldsTheImporterReadsAndTheLabsSecurityGroup() {
        Set<String> outputs = new TreeSet<>();
        template.get("Outputs").fieldNames().forEachRemaining(outputs::add);
        Set<String> expected = new TreeSet<>(StackOutputs.FIELDS.keySet());
        expected.add("LabSecurityGroupId"); // for an existing database's ingress rule; the importer ignores it
        assertEquals(expected, outputs);
        assertEquals("HasDatabase", template.at("/Outputs/InvokeUrl/Condition").asText(),
                "without a database the pool lanes are unavailable, not broken");
    }

    @Test
    void routesAreTheChatSamplesAndTheHttpApisWithNoDefaultRoute() {
        Map<String, String> routeToFunction = new HashMap<>();
        for (JsonNode route : ofType("AWS::ApiGatewayV2::Route").values()) {
            String integration = route.at("/Target/Fn::Sub").asText().replace("integrations/${", "").replace("}", "");
            String uri = resources.at("/" + integration + "/Properties/IntegrationUri").toString();
            String function = uri.replaceAll(".*?\\$\\{(\\w+Function)\\.Arn}.*", "$1").replaceAll(".*\\[\"(\\w+Function)\".*", "$1");
            routeToFunction.put(route.get("RouteKey").asText(), function);
        }
        assertEquals(Map.of("$connect", "ConnectFunction", "$disconnect", "DisconnectFunction", "sendmessage", "SendMessageFunction",
                "GET /poll", "PollFunction", "POST /invoke", "InvokeFunction"), routeToFunction,
                "no $default: a heartbeat gets API Gateway's own no-route answer, as on the mock");
        assertEquals("$request.body.action", resources.at("/WebSocketApi/Properties/RouteSelectionExpression").asText());
        for (JsonNode i : ofType("AWS::ApiGatewayV2::Integration").values()) {
            if (i.has("PayloadFormatVersion")) assertEquals(30000, i.get("TimeoutInMillis").asInt(), "HTTP API maximum");
        }
        assertTrue(resources.at("/PollFunction/Properties/Timeout").asInt() < 30, "the poll function ends before the gateway cuts it");
    }

    @Test
    void eachPermissionLetsOneRouteCallOneFunction() {
        Set<String> functions = new HashSet<>();
        for (JsonNode p : ofType("AWS::Lambda::Permission").values()) {
            String function = p.at("/FunctionName/Ref").asText();
            functions.add(function);
            String source = p.path("SourceArn").toString();
            if (function.equals("SnsFunction")) {
                assertEquals("sns.amazonaws.com", p.get("Principal").asText());
                assertEquals("Topic", p.at("/SourceArn/Ref").asText());
            } else {
                assertEquals("apigateway.amazonaws.com", p.get("Principal").asText());
                assertTrue(source.matches(".*/\\*/(\\$connect|\\$disconnect|sendmessage|GET/poll|POST/invoke)\"}"), source);
            }
        }
        assertEquals(ofType("AWS::Lambda::Function").keySet(), functions, "every function, and only those, has one invoker");
    }

    @Test
    void rolesHoldOnlyWhatTheirFunctionDoes() {
        Map<String, Set<String>> actions = new HashMap<>();
        for (Map.Entry<String, JsonNode> f : ofType("AWS::Lambda::Function").entrySet()) {
            String role = f.getValue().at("/Role/Fn::GetAtt/0").asText();
            Set<String> a = new TreeSet<>();
            for (JsonNode policy : resources.at("/" + role + "/Properties/Policies")) {
                policy.at("/PolicyDocument/Statement").findValues("Action").forEach(v -> {
                    if (v.isArray()) v.forEach(x -> a.add(x.asText()));
                    else a.add(v.asText());
                });
            }
            assertTrue(a.stream().noneMatch(x -> x.contains("*")), role + " has a wildcard action: " + a);
            actions.put(f.getKey(), a);
        }
        Set<String> logs = Set.of("logs:CreateLogStream", "logs:PutLogEvents");
        assertEquals(union(logs, "dynamodb:PutItem"), actions.get("ConnectFunction"));
        assertEquals(union(logs, "dynamodb:DeleteItem"), actions.get("DisconnectFunction"));
        assertEquals(union(logs, "dynamodb:Query", "dynamodb:GetItem"), actions.get("PollFunction"));
        Set<String> deliver = union(logs, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem",
                "dynamodb:PutItem", "execute-api:ManageConnections");
        assertEquals(deliver, actions.get("SendMessageFunction"));
        assertEquals(union(deliver, "sqs:SendMessage"), actions.get("SnsFunction"), "failed SNS deliveries go to the queue");
        assertEquals(union(logs, "secretsmanager:GetSecretValue"), actions.get("InvokeFunction"));
    }

    @Test
    void everyFunctionLogsToAGroupKeptOneDay() {
        for (Map.Entry<String, JsonNode> f : ofType("AWS::Lambda::Function").entrySet()) {
            String group = resources.at("/" + f.getKey() + "/DependsOn").asText();
            assertEquals(1, resources.at("/" + group + "/Properties/RetentionInDays").asInt(), f.getKey());
            String name = resources.at("/" + group + "/Properties/LogGroupName/Fn::Sub").asText();
            assertEquals(f.getValue().at("/FunctionName/Fn::Sub").asText(), name.replace("/aws/lambda/", ""), f.getKey());
        }
        assertEquals("Delete", resources.at("/Db/DeletionPolicy").asText(), "teardown leaves no database or snapshot");
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new TreeSet<>(base);
        s.addAll(Set.of(more));
        return s;
    }
}
