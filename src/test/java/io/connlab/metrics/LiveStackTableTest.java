package io.connlab.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** live-stack.properties, the table the cost estimate and the throttle notice read, against assets/aws/template.yaml. */
class LiveStackTableTest {
    private static final String FIX = " (change src/main/resources/io/connlab/metrics/live-stack.properties with the template)";

    private static JsonNode resources() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("assets/aws/template.yaml").toFile()).get("Resources");
    }

    @Test
    void everyFunctionHasTheTemplatesMemory() throws Exception {
        Map<String, Integer> inTemplate = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::Lambda::Function".equals(r.getValue().path("Type").asText())) continue;
            JsonNode memory = r.getValue().path("Properties").path("MemorySize");
            inTemplate.put(r.getKey(), memory.isMissingNode() ? 128 : memory.asInt()); // Lambda's default is 128 MB
        }
        assertEquals(inTemplate, new TreeMap<>(LiveStack.SHIPPED.functionMemoryMb()), "function memory" + FIX);
    }

    @Test
    void everyStageAndRouteThrottleIsTheTables() throws Exception {
        Map<String, LiveStack.Throttle> inTemplate = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::ApiGatewayV2::Stage".equals(r.getValue().path("Type").asText())) continue;
            JsonNode props = r.getValue().path("Properties");
            inTemplate.put(r.getKey(), throttle(props.path("DefaultRouteSettings")));
            for (Iterator<Map.Entry<String, JsonNode>> routes = props.path("RouteSettings").fields(); routes.hasNext(); ) {
                Map.Entry<String, JsonNode> route = routes.next();
                inTemplate.put(r.getKey() + "." + route.getKey(), throttle(route.getValue()));
            }
        }
        assertEquals(inTemplate, new TreeMap<>(LiveStack.SHIPPED.throttles()), "throttles" + FIX);
        assertEquals(new LiveStack.Throttle(500, 1000), LiveStack.SHIPPED.throttle(LiveStack.INVOKE_ROUTE));
        assertTrue(LiveStack.SHIPPED.throttle(LiveStack.HTTP_STAGE).rateLimit() > 500, "the HTTP stage was raised above /invoke's");
    }

    private static LiveStack.Throttle throttle(JsonNode settings) {
        return new LiveStack.Throttle(settings.path("ThrottlingRateLimit").asInt(), settings.path("ThrottlingBurstLimit").asInt());
    }

    @Test
    void everyResourceTypeThatBillsByTheHourIsPricedAndNothingElse() throws Exception {
        Set<String> hourly = Set.of("AWS::RDS::DBInstance", "AWS::RDS::DBProxy", "AWS::EC2::VPCEndpoint",
                "AWS::SecretsManager::Secret", "AWS::EC2::NatGateway", "AWS::ElastiCache::CacheCluster",
                "AWS::EC2::Instance", "AWS::RDS::DBCluster", "AWS::ElasticLoadBalancingV2::LoadBalancer");
        Set<String> inTemplate = new TreeSet<>();
        for (JsonNode r : resources()) {
            if (hourly.contains(r.path("Type").asText())) inTemplate.add(r.path("Type").asText());
        }
        Set<String> priced = new TreeSet<>();
        LiveStack.SHIPPED.standing().forEach(s -> priced.add(s.resourceType()));
        assertEquals(inTemplate, priced, "standing resources" + FIX);
        for (LiveStack.Standing s : LiveStack.SHIPPED.standing()) {
            assertTrue(s.dollarsPerHour() > 0 && !s.note().isBlank(), s + " has a rate and says where it comes from");
        }
    }
}
