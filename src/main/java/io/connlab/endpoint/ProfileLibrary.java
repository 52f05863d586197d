package io.connlab.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The user's saved endpoint profiles: one JSON file each in a folder ({@code ~/.connlab/profiles}
 * unless told otherwise). A file that is not a valid profile is listed with its problem, not
 * hidden, so the editor can show what to fix. Disk work: not on the FX thread.
 */
public final class ProfileLibrary {
    private final Path folder;

    /** One file: its profile, or why it is not one. */
    public record Entry(Path file, EndpointProfile profile, String problem) {
        public boolean valid() {
            return profile != null;
        }
    }

    public ProfileLibrary(Path folder) {
        this.folder = folder;
    }

    /** {@code ~/.connlab/profiles}. */
    public static ProfileLibrary inUserHome() {
        return new ProfileLibrary(Path.of(System.getProperty("user.home"), ".connlab", "profiles"));
    }

    public Path folder() {
        return folder;
    }

    /** Every *.json file in the folder, valid ones first, each group by name. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                try {
                    out.add(new Entry(f, EndpointProfiles.load(f), null));
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    out.add(new Entry(f, null, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profiles in " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing((Entry e) -> !e.valid())
                .thenComparing(e -> e.valid() ? e.profile().name().toLowerCase(Locale.ROOT) : e.file().toString()));
        return out;
    }

    /** The file a profile of this name is saved in. */
    public Path fileFor(String name) {
        return folder.resolve(fileName(name));
    }

    /** Saves under a file name made from the profile's name, replacing a profile of the same name. */
    public Path save(EndpointProfile p) {
        Path file = fileFor(p.name());
        EndpointProfiles.save(file, p);
        return file;
    }

    /** Imports text (a profile, serve's output, describe-stacks JSON: see {@link ProfileImport}) and saves it. */
    public Path importText(String text, String stackName, String token, String awsProfile) {
        return save(ProfileImport.fromText(text, stackName, token, awsProfile));
    }

    public void delete(Entry e) {
        try {
            Files.deleteIfExists(e.file());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot delete " + e.file() + ": " + ex.getMessage(), ex);
        }
    }

    /** "connlab eu-west-1" -> "connlab-eu-west-1.json": safe on every file system. */
    static String fileName(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) slug = "profile";
        return (slug.length() > 60 ? slug.substring(0, 60) : slug) + ".json";
    }
}
