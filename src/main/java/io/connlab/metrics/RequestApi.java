package io.connlab.metrics;

/**
 * The kind of API Gateway API the poll and invoke requests go through, for pricing: an HTTP API
 * (the live stack's, and the mock's default) or a REST API, which costs 3.5 times as much.
 */
public enum RequestApi {
    HTTP_API("HTTP API requests", "512 KB requests"),
    REST_API("REST API requests", "requests");

    private final String item;
    private final String unit;

    RequestApi(String item, String unit) {
        this.item = item;
        this.unit = unit;
    }

    String item() {
        return item;
    }

    String unit() {
        return unit;
    }

    double perMillion(Prices p) {
        return this == HTTP_API ? p.httpRequestsPerMillion() : p.restRequestsPerMillion();
    }

    /** Billing units for one request of that size: an HTTP API meters in 512 KB, a REST API per request. */
    long units(long bytes, Prices p) {
        return this == HTTP_API ? Prices.units(bytes, p.httpRequestUnitBytes()) : 1;
    }
}
