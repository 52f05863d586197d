package io.connlab.mock.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.connlab.mock.http.ClassKeys.Holder.INSTRUCTOR;
import static io.connlab.mock.http.ClassKeys.Holder.NOBODY;
import static io.connlab.mock.http.ClassKeys.Holder.STUDENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who a request is, from each way a key travels: bearer, {@code ?token=}, a SigV4 access key id, a presigned credential. */
class ClassKeysTest {
    private final ClassKeys keys = new ClassKeys("class42", "ik-secret");

    private ClassKeys.Holder who(String authorization, Map<String, String> query) {
        return keys.who(name -> name.equals("Authorization") ? authorization : null, query);
    }

    @Test
    void eachWayAKeyTravelsNamesItsHolder() {
        assertEquals(INSTRUCTOR, who("Bearer ik-secret", Map.of()));
        assertEquals(INSTRUCTOR, who("bearer  ik-secret ", Map.of()));
        assertEquals(INSTRUCTOR, who(null, Map.of("token", "ik-secret")));
        assertEquals(INSTRUCTOR, who("AWS4-HMAC-SHA256 Credential=ik-secret/20261207/us-east-1/sns/aws4_request,"
                + " SignedHeaders=host, Signature=00", Map.of()));
        assertEquals(INSTRUCTOR, who(null, Map.of("X-Amz-Credential", "ik-secret/20261207/us-east-1/sns/aws4_request")));
        assertEquals(STUDENT, who("Bearer class42", Map.of()));
        assertEquals(STUDENT, who("AWS4-HMAC-SHA256 Credential=class42/20261207/us-east-1/sns/aws4_request", Map.of()));
        assertEquals(NOBODY, who("AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/sns/aws4_request", Map.of()));
        assertEquals(NOBODY, who("Bearer ik-secre", Map.of("token", "guess")));
        assertEquals(NOBODY, who("Basic aWstc2VjcmV0", Map.of()));
        assertEquals(NOBODY, who(null, Map.of()));
    }

    @Test
    void withoutAnInstructorKeyTheClassTokenGuardsBothAndWithoutEitherAllIsOpen() {
        ClassKeys one = new ClassKeys("class42", null);
        assertEquals(INSTRUCTOR, one.who(n -> "Bearer class42", Map.of()));
        assertEquals(NOBODY, one.who(n -> null, Map.of()));
        assertEquals(INSTRUCTOR, ClassKeys.NONE.who(n -> null, Map.of()));
        ClassKeys keyOnly = new ClassKeys(null, "ik-secret");
        assertEquals(NOBODY, keyOnly.who(n -> "Bearer class42", Map.of()), "no class token: nobody is a student by key");
    }
}
