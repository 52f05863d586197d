package io.connlab.ui.model;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Whether the machine's CPU is saturated: the load average well above the cores, or this
 * process using nearly all of them. Then the figures show the machine, not the technique,
 * and the window says so. Cheap; read about once a second.
 */
public final class MachineLoad {
    /** Load per core from which the run queue is long enough to delay our threads noticeably. */
    static final double SATURATED_LOAD_PER_CORE = 1.5;
    /** Share of all cores this process uses from which it starves itself. */
    static final double SATURATED_PROCESS_CPU = 0.9;

    private final int cores;
    private final DoubleSupplier loadAverage;
    private final DoubleSupplier processCpu;

    public MachineLoad() {
        this(Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean());
    }

    // the process's CPU share would need com.sun.management (module jdk.management, not in the bundle):
    // the load average, in java.management, says it for the whole machine
    private MachineLoad(int cores, OperatingSystemMXBean os) {
        this(cores, os::getSystemLoadAverage, () -> -1);
    }

    /** @param loadAverage the 1-minute load average (negative: unknown); {@code processCpu} 0..1 of all cores (negative: unknown) */
    public MachineLoad(int cores, DoubleSupplier loadAverage, DoubleSupplier processCpu) {
        this.cores = Math.max(1, cores);
        this.loadAverage = loadAverage;
        this.processCpu = processCpu;
    }

    /** The warning in full (the badge's tooltip), or "" when the machine keeps up. */
    public String warning() {
        return check().full();
    }

    /** The warning, as a badge of a few words and its full text; both "" when the machine keeps up. */
    public Warning check() {
        double load = loadAverage.getAsDouble();
        double cpu = processCpu.getAsDouble();
        if (load >= cores * SATURATED_LOAD_PER_CORE) {
            return Warning.of(SATURATED_LOAD, SATURATED_LOAD_SHORT, String.format(Locale.ROOT, "%.1f", load), cores);
        }
        if (cpu >= SATURATED_PROCESS_CPU) {
            return Warning.of(SATURATED_CPU, SATURATED_CPU_SHORT, String.format(Locale.ROOT, "%.0f", cpu * 100), cores);
        }
        return Warning.NONE;
    }

    /** A one-line badge for the status bar (so it never takes the table's room) and the full text for its tooltip. */
    public record Warning(String badge, String full) {
        public static final Warning NONE = new Warning("", "");

        static Warning of(String key, String shortKey, Object... args) {
            return new Warning(I18n.t(shortKey, args), I18n.t(key, args));
        }
    }

    static final String SATURATED_LOAD = "machine.saturatedLoad";
    static final String SATURATED_CPU = "machine.saturatedCpu";
    static final String SATURATED_LOAD_SHORT = "machine.saturatedLoad.short";
    static final String SATURATED_CPU_SHORT = "machine.saturatedCpu.short";
}
