package io.connlab.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Poll and invoke requests cost $1.00 per million through an HTTP API, $3.50 through a REST API. */
class RequestApiCostTest {
    static CostModel.Usage requests(long n, long bytes) {
        return new CostModel.Usage(n, 0, 0, 0, n, bytes, 0, 0, 128, 0, 0, 0);
    }

    @Test
    void restCostsThreeAndAHalfTimesAnHttpApi() {
        CostModel.Estimate http = new CostModel(Prices.CURRENT).estimate(requests(1_000_000, 1024));
        CostModel.Estimate rest = new CostModel(Prices.CURRENT, RequestApi.REST_API).estimate(requests(1_000_000, 1024));
        assertEquals(1.00, http.dollars(), 1e-9);
        assertEquals("HTTP API requests", http.lines().get(0).item());
        assertEquals(3.50, rest.dollars(), 1e-9);
        assertEquals("REST API requests", rest.lines().get(0).item());
    }

    @Test
    void onlyAnHttpApiMetersIn512KbUnits() {
        long big = 600 * 1024;
        assertEquals(2.00, new CostModel(Prices.CURRENT).estimate(requests(1_000_000, big)).dollars(), 1e-9);
        assertEquals(3.50, new CostModel(Prices.CURRENT, RequestApi.REST_API).estimate(requests(1_000_000, big)).dollars(), 1e-9);
    }
}
