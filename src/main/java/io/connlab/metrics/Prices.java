package io.connlab.metrics;

import java.time.LocalDate;

/**
 * AWS list prices the cost estimate uses, with the date they were checked. The one place
 * prices live: when AWS changes one, add a new constant here and point {@link #CURRENT} at it.
 *
 * @param region  the AWS region the prices are for
 * @param checked when the prices were last checked against the AWS pricing pages
 */
public record Prices(
        String region, LocalDate checked,
        double webSocketMessagesPerMillion, int webSocketMessageUnitBytes,
        double connectionMinutesPerMillion,
        double httpRequestsPerMillion, int httpRequestUnitBytes,
        double lambdaRequestsPerMillion, double lambdaGbSecond,
        double snsPublishesPerMillion, int snsPublishUnitBytes,
        double rdsProxyVcpuHour, int rdsProxyMinVcpus,
        double restRequestsPerMillion,
        double dynamoWritesPerMillion, double dynamoReadsPerMillion) {

    /**
     * us-east-1 on-demand list prices, first tier, free tier left out. Checked 2026-11-27:
     * API Gateway and Lambda figures against aws.amazon.com/api-gateway/pricing and pages quoting
     * aws.amazon.com/lambda/pricing; the SNS 64 KB chunking and the RDS Proxy rate are the
     * long-standing published figures but were not re-confirmed that day.
     */
    public static final Prices US_EAST_1_2026 = new Prices("us-east-1", LocalDate.of(2026, 11, 27),
            1.00,        // API Gateway WebSocket: $ per million messages sent or received (first billion)
            32 * 1024,   // ... metered in 32 KB units: a 33 KB message counts as two
            0.25,        // API Gateway WebSocket: $ per million connection minutes
            1.00,        // API Gateway HTTP API: $ per million requests (first 300 million)
            512 * 1024,  // ... metered in 512 KB units: a 513 KB request counts as two
            0.20,        // Lambda: $ per million requests
            0.0000166667, // Lambda x86: $ per GB-second of duration, billed per ms
            0.50,        // SNS standard topic: $ per million publishes
            64 * 1024,   // ... each 64 KB chunk of a publish is billed as one request
            0.015,       // RDS Proxy (provisioned instances): $ per vCPU-hour of the database behind it
            2,           // ... billed for at least 2 vCPUs
            3.50,        // API Gateway REST API: $ per million requests (first 333 million; FACTS 76)
            0.625,       // DynamoDB on demand: $ per million write request units (UNVERIFIED: not in FACTS)
            0.125);      // DynamoDB on demand: $ per million read request units (UNVERIFIED: not in FACTS)

    /** The prices estimates use unless told otherwise. */
    public static final Prices CURRENT = US_EAST_1_2026;

    /** How many billing units a thing of {@code bytes} takes when metered in {@code unitBytes} (at least one). */
    static long units(long bytes, int unitBytes) {
        return bytes <= unitBytes ? 1 : (bytes + unitBytes - 1) / unitBytes;
    }
}
