package io.connlab.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.connlab.mock.MockEndpoints;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a running mock's endpoints into the client's endpoint profile JSON. */
final class Profiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Profiles() {
    }

    static String mockProfileJson(String name, MockEndpoints e, String token) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("kind", "MOCK");
        p.put("websocketUrl", e.websocketUrl());
        p.put("token", token);
        p.put("pollUrl", e.pollUrl());
        p.put("snsEndpoint", e.snsEndpoint());
        p.put("topicArn", e.topicArn());
        p.put("region", e.region());
        p.put("invokeUrl", e.invokeUrl());
        p.put("connectionsUrl", e.connectionsUrl());
        p.put("adminUrl", e.adminUrl());
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
