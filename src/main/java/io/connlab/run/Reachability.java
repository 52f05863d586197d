package io.connlab.run;

import io.connlab.endpoint.EndpointProfile;
import io.connlab.metrics.Technique;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Before a run: can every endpoint it will use be reached at all? A refused or silent port
 * becomes one clear sentence instead of a lane stuck reconnecting.
 */
final class Reachability {
    private static final int CONNECT_TIMEOUT_MS = 3_000;

    private Reachability() {
    }

    static void check(EndpointProfile profile, RunSettings settings) throws RunException {
        Set<String> urls = new LinkedHashSet<>();
        for (Technique t : Technique.values()) {
            if (!settings.lanes().contains(t)) continue;
            switch (t) {
                case WEBSOCKET -> urls.add(profile.websocketUrl());
                case LONG_POLL, SHORT_POLL -> urls.add(profile.pollUrl());
                default -> urls.add(profile.invokeUrl());
            }
        }
        if (settings.publish() == PublishPath.WEBSOCKET) urls.add(profile.websocketUrl());
        else if (profile.snsEndpoint() != null) urls.add(profile.snsEndpoint());
        for (String url : urls) probe(url);
    }

    private static void probe(String url) throws RunException {
        URI uri = URI.create(url);
        boolean secure = "https".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new RunException("Cannot reach the backend at " + url + " (" + why + "). Is it running?", e,
                    "error.unreachable", url, why);
        }
    }
}
