package io.connlab.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user's saved endpoint profiles, for the Profiles dialog: list, check, save, delete,
 * import and "Test connection". Disk and network calls ({@link #list}, {@link #save},
 * {@link #delete}, {@link #test}) block: call them off the FX thread. {@link #problems} and
 * {@link #importText} are quick and may run anywhere.
 */
public interface ProfileStore {

    /** One saved file: its fields, or (fields null) why it is not a valid profile. */
    record Saved(Path file, String name, ProfileFields fields, String problem) {
        public boolean valid() {
            return fields != null;
        }

        public boolean live() {
            return fields != null && fields.live();
        }
    }

    /** What one endpoint did in a connection test, in the words the dialog shows. */
    enum Verdict { OK, UNAVAILABLE, DNS, TLS, REFUSED, TIMEOUT, UNAUTHORIZED, FORBIDDEN, GONE, NO_CREDENTIALS, FAILED }

    /** One line of a connection test: the endpoint ("WebSocket", "Poll", ...), its verdict, and the detail with the fix. */
    record TestLine(String endpoint, Verdict verdict, String detail) {
    }

    /** The folder the profiles are saved in. */
    Path folder();

    List<Saved> list() throws Exception;

    /** The profile's own validation, one message per field in the window's language; empty when it is valid. */
    Map<ProfileFields.Field, String> problems(ProfileFields fields);

    /**
     * Saves a valid profile, and removes {@code replacing} (the file it was loaded from, or null)
     * when saving under a new name moved it. Returns the file written.
     */
    Path save(ProfileFields fields, Path replacing) throws Exception;

    void delete(Path file) throws Exception;

    /**
     * A saved profile, {@code connlab serve}'s output or {@code aws cloudformation describe-stacks}
     * JSON as fields (not saved yet); {@link IllegalArgumentException} saying what it looked for otherwise.
     */
    ProfileFields importText(String text);

    /** Tries each endpoint of the profile; blocks for up to a few timeouts, returns early (lines so far) when interrupted. */
    List<TestLine> test(ProfileFields fields) throws Exception;
}
