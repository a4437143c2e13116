package dev.skillsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A process's resident memory as Linux reports it in {@code /proc/<pid>/status}: the peak (VmHWM) and now (VmRSS). */
record ProcessMemory(long peakRssBytes, long rssBytes) {

    /** Empty where there is no {@code /proc} (not Linux) or the process has ended. */
    static Optional<ProcessMemory> of(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            return Optional.empty();
        }
        OptionalLong peak = kilobytes(lines, "VmHWM:");
        OptionalLong now = kilobytes(lines, "VmRSS:");
        if (peak.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessMemory(peak.getAsLong() * 1024, now.getAsLong() * 1024));
    }

    /** A line like {@code VmHWM:	  123456 kB}. */
    private static OptionalLong kilobytes(List<String> lines, String field) {
        return lines.stream()
                .filter(line -> line.startsWith(field))
                .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst();
    }
}
