package io.connlab.mock.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Function;

/**
 * The two keys of a class on one laptop (docs/SECURITY.md): the class token, handed to every
 * student, lets a client connect (and nothing the routes leave open needs it); the instructor key
 * guards what reads or changes other people's connections or the backend itself. Without an
 * instructor key the class token guards both, as one key did before there were two; without
 * either, everything is open (the window's own in-process mock).
 *
 * <p>A key travels as {@code Authorization: Bearer K}, as {@code ?token=K}, or as the access key id
 * of an AWS signature ({@code Authorization: AWS4-HMAC-SHA256 Credential=K/…}, or a presigned
 * {@code X-Amz-Credential=K/…}), so the AWS SDK and CLI can carry it with
 * {@code AWS_ACCESS_KEY_ID=K}. Keys are compared in constant time.
 */
public final class ClassKeys {
    /** No key at all: every route open. */
    public static final ClassKeys NONE = new ClassKeys(null, null);

    /** What a request showed. */
    public enum Holder {
        /** Neither key (or a wrong one). */
        NOBODY,
        /** The class token: a student. */
        STUDENT,
        /** The instructor key (or, when there is no key to show, anyone). */
        INSTRUCTOR
    }

    private final byte[] classToken;
    private final byte[] instructorKey;

    /** @param classToken null for none; @param instructorKey null: the class token guards the instructor's parts too */
    public ClassKeys(String classToken, String instructorKey) {
        this.classToken = bytes(classToken);
        byte[] key = bytes(instructorKey);
        this.instructorKey = key != null ? key : this.classToken;
    }

    /** Whether the instructor's parts need a key (false: open to anyone). */
    public boolean instructorKeyRequired() {
        return instructorKey != null;
    }

    /** Whether a student's parts need a key. */
    public boolean classTokenRequired() {
        return classToken != null;
    }

    /**
     * Who a request is, from its headers and its URL query parameters.
     *
     * @param header a request header by name (null when absent)
     */
    public Holder who(Function<String, String> header, Map<String, String> query) {
        if (instructorKey == null) return Holder.INSTRUCTOR;
        String[] offered = {bearer(header.apply("Authorization")), query.get("token"),
                accessKeyId(header.apply("Authorization")), credentialKeyId(query.get("X-Amz-Credential"))};
        for (String o : offered) if (o != null && same(instructorKey, o)) return Holder.INSTRUCTOR;
        for (String o : offered) if (o != null && classToken != null && same(classToken, o)) return Holder.STUDENT;
        return Holder.NOBODY;
    }

    private static String bearer(String auth) {
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    /** The access key id of a SigV4 {@code Authorization} header: {@code … Credential=AKID/date/region/service/aws4_request, …}. */
    private static String accessKeyId(String auth) {
        if (auth == null || !auth.startsWith("AWS4-")) return null;
        int at = auth.indexOf("Credential=");
        return at < 0 ? null : credentialKeyId(auth.substring(at + "Credential=".length()));
    }

    private static String credentialKeyId(String credential) {
        if (credential == null) return null;
        int slash = credential.indexOf('/');
        return slash <= 0 ? null : credential.substring(0, slash);
    }

    private static boolean same(byte[] key, String offered) {
        return MessageDigest.isEqual(key, offered.getBytes(StandardCharsets.UTF_8)); // no timing hint
    }

    private static byte[] bytes(String s) {
        return s == null || s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
