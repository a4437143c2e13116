package dev.skillsync.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the figures depend on: cores, memory, the Java that runs the operator (this JVM's), the OS. */
final class MachineFacts {

    private MachineFacts() {}

    static String describe() {
        StringBuilder facts = new StringBuilder()
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores");
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            facts.append(
                    String.format(Locale.ROOT, ", %.1f GiB memory", os.getTotalMemorySize() / (double) (1L << 30)));
        }
        return facts.append(", Java ")
                .append(System.getProperty("java.runtime.version"))
                .append(" (")
                .append(System.getProperty("java.vm.name"))
                .append(")")
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .toString();
    }
}
