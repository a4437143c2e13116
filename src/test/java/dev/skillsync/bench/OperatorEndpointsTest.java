package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorEndpointsTest {

    @Test
    void heapInUseIsTheSumOverTheHeapPoolsOnly() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.097152E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Survivor Space",} 1048576.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                jvm_memory_committed_bytes{area="heap",id="G1 Old Gen"} 9.9E7
                """;

        assertThat(OperatorEndpoints.heapUsedBytes(metrics)).hasValue(31L << 20);
    }

    @Test
    void noHeapFigureWithoutJvmMetrics() {
        assertThat(OperatorEndpoints.heapUsedBytes("skillsync_versions_created_total 3.0\n"))
                .isEmpty();
    }

    @Test
    void reconcilesAreSummedOverTheirResults() {
        String metrics = """
                # TYPE skillsync_reconciles_total counter
                skillsync_reconciles_total{result="Synced"} 1200.0
                skillsync_reconciles_total{result="Progressing"} 3.0
                skillsync_versions_created_total 3.0
                """;

        assertThat(OperatorEndpoints.reconciles(metrics)).isEqualTo(1203);
        assertThat(OperatorEndpoints.reconciles("skillsync_versions_created_total 3.0\n"))
                .isZero();
    }
}
