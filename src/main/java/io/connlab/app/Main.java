package io.connlab.app;

import io.connlab.app.engine.LabRuntime;
import io.connlab.mock.OutOfMemoryExit;
import io.connlab.ui.GuiLauncher;
import io.connlab.ui.StartupProbe;
import io.connlab.ui.UiPreferences;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * Entry point: {@code connlab} opens the desktop lab, {@code connlab serve} runs the mock
 * backend alone, {@code connlab bench} runs a headless comparison, {@code connlab bench-window}
 * measures the window's frame times during a run. This class must not
 * extend {@code Application}: launched from the class path, such a main class fails with
 * "JavaFX runtime components are missing".
 */
@Command(name = "connlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A lab that shows how serverless applications keep connections alive.",
        footer = {"", "With no command, connlab opens the lab's window. The commands run in the terminal and"
                + " do not open it (bench-window only, to measure the window, opens one of its own)."},
        subcommands = {ServeCommand.class, BenchCommand.class, BenchBackendCommand.class, WindowBenchCommand.class,
                StartupBenchCommand.class, CompareCommand.class, CalibrateCommand.class, CheckCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        StartupProbe.reportTo(Main::printNow);
        // a double-click: straight to the window, without building the whole command line first
        if (args.length == 0) System.exit(new Main().call());
        System.exit(commandLine().execute(args));
    }

    /** Prints a line to stdout at once (a parent process times it). */
    static void printNow(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The configured command line; tests call {@code execute} on it directly. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::badInput);
        // "'2.5' is not a whole number" rather than picocli's "is not an int"
        cl.registerConverter(Integer.class, Converters::wholeNumber);
        cl.registerConverter(Integer.TYPE, Converters::wholeNumber);
        return cl;
    }

    /** A bad option: a short usage line, where to find the rest, then the reason, last, where the eye lands. */
    private static int badInput(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        var err = cmd.getErr();
        err.println("Usage: " + name + " [OPTIONS]" + (cmd.getSubcommands().isEmpty() ? "" : " [COMMAND]")
                + "   (" + name + " --help lists them)");
        err.println(e.getMessage() + nearest(e));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** For a mistyped command or option, the near ones: " (did you mean --duration?)"; else "". */
    private static String nearest(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) return "";
        return " (did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?)";
    }

    /** No subcommand: the desktop lab, with the bundled mock started in the background. */
    @Override
    public Integer call() {
        return GuiLauncher.launch(new String[0], LabRuntime::new, UiPreferences::forUser, StartupProbe::watchLab);
    }
}
