package io.connlab.app;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh instructor key for {@code serve}: 128 random bits, URL- and access-key-safe characters. */
final class InstructorKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstructorKeys() {
    }

    static String random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return "ik-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
