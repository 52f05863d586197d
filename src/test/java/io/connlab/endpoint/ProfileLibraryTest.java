package io.connlab.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileLibraryTest {
    @TempDir
    Path dir;

    @Test
    void importedProfilesAreListedAndABrokenFileShowsItsProblem() throws Exception {
        ProfileLibrary lib = new ProfileLibrary(dir.resolve("profiles"));
        assertTrue(lib.list().isEmpty(), "no folder yet is no profiles, not an error");
        Path live = lib.importText(ProfileImportTest.CONNLAB_STACK, null, "t", "lab");
        Path chat = lib.importText(ProfileImportTest.CHAT_SAMPLE, null, null, null);
        assertEquals("connlab-eu-west-1.json", live.getFileName().toString());
        if (Files.getFileStore(live).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(live)),
                    "the file holds a token: only its owner reads it");
        }
        Files.writeString(lib.folder().resolve("half-edited.json"), "{\"name\": \"x\", \"kind\": \"LIVE\"}");
        List<ProfileLibrary.Entry> entries = lib.list();
        assertEquals(List.of("connlab eu-west-1", "simple-websockets-chat-app us-west-2"),
                entries.stream().filter(ProfileLibrary.Entry::valid).map(e -> e.profile().name()).toList());
        ProfileLibrary.Entry broken = entries.get(2);
        assertFalse(broken.valid());
        assertTrue(broken.problem().contains("missing required field 'websocketUrl'"), broken.problem());
        lib.delete(entries.stream().filter(e -> e.file().equals(chat)).findFirst().orElseThrow());
        assertEquals(2, lib.list().size());
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("my-stack-eu-west-1.json", ProfileLibrary.fileName("My stack / eu-west-1"));
        assertEquals("profile.json", ProfileLibrary.fileName("***"));
    }
}
