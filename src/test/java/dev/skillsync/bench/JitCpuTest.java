package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitCpuTest {

    @Test
    void countsTheUserAndSystemTicksOfACompilerThread() {
        String line = "4242 (C2 CompilerThre) S 1 4240 4240 0 -1 1077936192 20 0 0 0 731 12 0 0 20 0 1 0 300 0 0";

        assertThat(JitCpu.compilerTicks(line)).hasValue(743);
    }

    @Test
    void countsNoOtherThreadEvenWithSpacesAndParenthesesInItsName() {
        assertThat(JitCpu.compilerTicks("4243 (VM Thread) S 1 4240 4240 0 -1 1 0 0 0 0 900 9 0 0 20 0 1 0 300"))
                .isEmpty();
        assertThat(JitCpu.compilerTicks("4244 (a (C2) b) S 1 4240 4240 0 -1 1 0 0 0 0 900 9 0 0 20 0 1 0 300"))
                .isEmpty();
    }

    @Test
    void aRunningJvmHasSpentTimeCompiling() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");

        try (JitCpu jit = JitCpu.watch(ProcessHandle.current().pid())) {
            assertThat(jit.total()).isPositive();
        }
    }

    @Test
    void nothingForAProcessThatDoesNotExist() {
        try (JitCpu jit = JitCpu.watch(Long.MAX_VALUE)) {
            assertThat(jit.total()).isEqualTo(Duration.ZERO);
        }
    }
}
