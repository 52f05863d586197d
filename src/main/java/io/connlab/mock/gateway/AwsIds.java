package io.connlab.mock.gateway;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Connection and request ids shaped like API Gateway's ({@code L0SM9cOFvHcCIhw=}): 11 random
 * bytes in URL-safe base64, so an id can sit in an {@code @connections} path unescaped.
 */
final class AwsIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AwsIds() {
    }

    static String next() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }
}
