package io.connlab.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which Windows subsystem an .exe asks for, read from its PE header: a GUI program (2) gets no
 * console window when double-clicked and prints nowhere from a terminal; a console program (3)
 * opens a console window when double-clicked. So ConnLab.exe must be GUI and connlab-cli.exe
 * (for serve, bench, --version) console, or students see a stray black window, or a terminal
 * shows nothing. Checked on the Windows bundle at build time.
 */
enum PeSubsystem {
    GUI(2), CONSOLE(3);

    final int code;

    PeSubsystem(int code) {
        this.code = code;
    }

    static PeSubsystem of(Path exe) throws IOException {
        return of(Files.readAllBytes(exe));
    }

    static PeSubsystem of(byte[] exe) {
        ByteBuffer b = ByteBuffer.wrap(exe).order(ByteOrder.LITTLE_ENDIAN);
        if (exe.length < 0x40 || b.getShort(0) != 0x5A4D) throw new IllegalArgumentException("not an .exe (no MZ header)");
        int pe = b.getInt(0x3C);
        if (pe < 0 || pe + 0x5E > exe.length || b.getInt(pe) != 0x00004550) throw new IllegalArgumentException("no PE header");
        // the optional header follows the 4-byte signature and the 20-byte file header; Subsystem sits
        // at the same offset (68) in its PE32 and PE32+ forms
        int subsystem = Short.toUnsignedInt(b.getShort(pe + 4 + 20 + 68));
        for (PeSubsystem s : values()) if (s.code == subsystem) return s;
        throw new IllegalArgumentException("subsystem " + subsystem + " is neither GUI nor console");
    }

    /** Fails when the Windows bundle's launchers ask for the wrong subsystem. */
    static void check(Path folder, String gui, String console) throws IOException {
        if (of(folder.resolve(gui)) != GUI) throw new IllegalStateException(gui + " is not a GUI program: double-clicking it opens a console");
        if (of(folder.resolve(console)) != CONSOLE) throw new IllegalStateException(console + " is not a console program: a terminal shows nothing");
        BuildBundle.log(gui + " is a GUI program, " + console + " a console one");
    }
}
