package io.connlab.app.engine;

import io.connlab.endpoint.ConnectionTest;
import io.connlab.endpoint.EndpointProfile;
import io.connlab.endpoint.ProfileImport;
import io.connlab.endpoint.ProfileLibrary;
import io.connlab.ui.model.I18n;
import io.connlab.ui.model.ProfileFields;
import io.connlab.ui.model.ProfileStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Profiles dialog's store: a {@link ProfileLibrary} folder, checked and tested with the endpoint code. */
public final class LibraryProfiles implements ProfileStore {
    /** Per endpoint: long enough for a far region, short enough that a wrong URL is said within seconds. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(5);

    private final ProfileLibrary library;
    private final Duration timeout;

    public LibraryProfiles(ProfileLibrary library) {
        this(library, TEST_TIMEOUT);
    }

    public LibraryProfiles(ProfileLibrary library, Duration timeout) {
        this.library = library;
        this.timeout = timeout;
    }

    @Override
    public Path folder() {
        return library.folder();
    }

    @Override
    public List<Saved> list() {
        return library.list().stream().map(e -> e.valid()
                ? new Saved(e.file(), e.profile().name(), ProfileForms.toFields(e.profile()), null)
                : new Saved(e.file(), e.file().getFileName().toString(), null, e.problem())).toList();
    }

    @Override
    public Map<ProfileFields.Field, String> problems(ProfileFields fields) {
        return ProfileForms.problems(fields);
    }

    @Override
    public Path save(ProfileFields fields, Path replacing) throws Exception {
        EndpointProfile p = ProfileForms.toProfile(fields);
        Path target = library.fileFor(p.name());
        if (Files.exists(target) && (replacing == null || !same(target, replacing))) {
            // another profile's file: never overwritten by a new or renamed one
            throw new IllegalArgumentException(I18n.t("profiles.nameTaken", target.getFileName()));
        }
        Path written = library.save(p);
        if (replacing != null && !same(replacing, written)) {
            Files.deleteIfExists(replacing); // renamed: the old file would list the profile twice
        }
        return written;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @Override
    public void delete(Path file) throws Exception {
        Files.deleteIfExists(file);
    }

    @Override
    public ProfileFields importText(String text) {
        return ProfileForms.toFields(ProfileImport.fromText(text));
    }

    @Override
    public List<TestLine> test(ProfileFields fields) {
        EndpointProfile p = ProfileForms.toProfile(fields);
        return new ConnectionTest(timeout).run(p).stream()
                .map(c -> new TestLine(c.endpoint(), verdict(c), c.detail())).toList();
    }

    /** The kind of failure, from the reason's first words (FailureReason's and LiveCredentials' sentences). */
    static Verdict verdict(ConnectionTest.Check c) {
        if (c.outcome() == ConnectionTest.Outcome.OK) return Verdict.OK;
        if (c.outcome() == ConnectionTest.Outcome.UNAVAILABLE) return Verdict.UNAVAILABLE;
        String d = c.detail();
        if (d.startsWith("DNS")) return Verdict.DNS;
        if (d.startsWith("TLS")) return Verdict.TLS;
        if (d.startsWith("timeout")) return Verdict.TIMEOUT;
        if (d.startsWith("refused")) return Verdict.REFUSED;
        if (d.startsWith("401")) return Verdict.UNAUTHORIZED;
        if (d.startsWith("403")) return Verdict.FORBIDDEN;
        if (d.startsWith("410")) return Verdict.GONE;
        if (d.contains("no credentials")) return Verdict.NO_CREDENTIALS;
        return Verdict.FAILED;
    }
}
