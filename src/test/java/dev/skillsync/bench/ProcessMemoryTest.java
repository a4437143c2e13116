package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsPeakAndCurrentResidentMemoryOfARunningProcess() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc only");

        ProcessMemory memory = ProcessMemory.of(ProcessHandle.current().pid()).orElseThrow();

        assertThat(memory.rssBytes()).isPositive();
        assertThat(memory.peakRssBytes()).isGreaterThanOrEqualTo(memory.rssBytes());
    }

    @Test
    void nothingForAProcessThatDoesNotExist() {
        assertThat(ProcessMemory.of(Long.MAX_VALUE)).isEmpty();
    }
}
