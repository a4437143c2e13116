package dev.skillsync.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The benchmark's figures as a compact table (HARNESS is the CPU of the benchmark's own process: embedded cluster and
 * fake Skills API), then the operator's memory at the end and the machine facts. */
final class ResultTable {

    private static final String ROW = "%-30s %9s %9s %10s %11s %13s %8s %10s %8s %13s %9s%n";
    private static final String NONE = "-";

    private ResultTable() {}

    static String render(List<PhaseResult> phases) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                ROW,
                "PHASE",
                "TIME",
                "SKILLS/S",
                "API READS",
                "API WRITES",
                "SKILL WRITES",
                "CPU s",
                "HARNESS s",
                "RSS MiB",
                "PEAK RSS MiB",
                "HEAP MiB"));
        for (PhaseResult phase : phases) {
            MemorySample memory = phase.memory();
            table.append(String.format(
                    Locale.ROOT,
                    ROW,
                    phase.name(),
                    String.format(Locale.ROOT, "%.2f s", phase.elapsed().toMillis() / 1000.0),
                    oneDecimal(phase.skillsPerSecond()),
                    phase.apiReads(),
                    phase.apiWrites(),
                    phase.skillWrites(),
                    String.format(Locale.ROOT, "%.2f", phase.cpu().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.2f", phase.harnessCpu().toMillis() / 1000.0),
                    mebibytes(memory.process().map(ProcessMemory::rssBytes)),
                    mebibytes(memory.process().map(ProcessMemory::peakRssBytes)),
                    mebibytes(memory.heapUsedBytes())));
        }
        if (!phases.isEmpty()) {
            MemorySample last = phases.get(phases.size() - 1).memory();
            table.append(String.format(
                    Locale.ROOT,
                    "%noperator at the end: peak RSS (VmHWM) %s MiB, RSS %s MiB, heap used %s MiB%n",
                    mebibytes(last.process().map(ProcessMemory::peakRssBytes)),
                    mebibytes(last.process().map(ProcessMemory::rssBytes)),
                    mebibytes(last.heapUsedBytes())));
        }
        return table.append("machine: ")
                .append(MachineFacts.describe())
                .append('\n')
                .toString();
    }

    private static String oneDecimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : NONE;
    }

    private static String mebibytes(Optional<Long> bytes) {
        return bytes.map(b -> Long.toString(b >> 20)).orElse(NONE);
    }

    private static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? Long.toString(bytes.getAsLong() >> 20) : NONE;
    }
}
