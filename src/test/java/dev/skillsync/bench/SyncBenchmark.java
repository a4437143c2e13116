package dev.skillsync.bench;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.local.MockServerLogging;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.testing.LoopbackPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the packaged operator on this machine, against the embedded Kubernetes API and the in-process fake Skills
 * API as local mode runs it, with the JVM options of the container image: the sync of a backlog of N Skills from the
 * operator's launch, the first sync of N/10 more once the JVM is warm, a burst of N/10 content changes, a steady-state
 * window, the operator's CPU and memory, and on request a storm of 429 or 503 answers. Prints each phase, then the
 * figures of issue 11 beside their bounds. Prints figures and asserts nothing about them. Run with {@code mvn -B -Pbench package
 * -DskipTests}; the settings are in {@link BenchSettings}. Not part of the operator's image.
 *
 * <p>Exits 0 when every phase completed, 1 when one failed or ran past its deadline, 2 on bad settings or without
 * an operator build.
 */
public final class SyncBenchmark {

    private static final Path OPERATOR_LOG = Path.of("target", "bench-operator.log");

    private final BenchSettings settings;

    private SyncBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        MockServerLogging.quiet();
        BenchSettings settings;
        try {
            settings = BenchSettings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new SyncBenchmark(settings).run());
    }

    private int run() throws IOException, InterruptedException {
        if (!OperatorProcess.isBuilt()) {
            System.err.println(
                    "No operator build at " + OperatorProcess.JAR + ": run `mvn -Pbench package -DskipTests`.");
            return 2;
        }
        var endpoints = new OperatorEndpoints(LoopbackPort.free());
        List<PhaseResult> results = new ArrayList<>();
        Map<String, String> operatorSettings = new HashMap<>(
                Map.of("SKILLSYNC_API_MAX_CONCURRENT_REQUESTS", Integer.toString(settings.concurrency())));
        String jvmOptions = ImageJvmOptions.read().orElse("");
        if (settings.profile().isPresent()) {
            // A flight recording of the whole run, to say where the operator's CPU went.
            jvmOptions += " -XX:StartFlightRecording=settings=profile,method-profiling=max,dumponexit=true,filename="
                    + settings.profile().get().toAbsolutePath();
        }
        if (!jvmOptions.isBlank()) {
            operatorSettings.put("JAVA_TOOL_OPTIONS", jvmOptions.strip());
        }
        // Closed in reverse: the operator stops before the servers it talks to.
        try (FakeSkillsApi api = FakeSkillsApi.start();
                BenchCluster kubernetes = BenchCluster.start(settings.cluster());
                SkillWatch watch = new SkillWatch(kubernetes.client(), BenchSkills.NAMESPACE)) {
            api.setLatency(settings.latency());
            operatorSettings.put("SKILLSYNC_API_DIALECT", api.dialect().settingValue());
            System.out.println("Kubernetes API: " + kubernetes.describe());
            System.out.println("Skills API: " + api.baseUrl() + " (in-process fake, every answer after "
                    + settings.latency().toMillis() + " ms)");
            BenchPhases.createBacklog(settings, kubernetes.client());
            System.out.println(settings.skills() + " Skills and " + settings.unrelated() + " unrelated ConfigMaps and"
                    + " Secrets waiting; steady-state window "
                    + settings.steadyWindow().toSeconds()
                    + " s, each wait bounded by " + settings.timeout().toSeconds() + " s");
            System.out.println("operator settings: " + operatorSettings);
            operatorSettings.putAll(kubernetes.operatorEnvironment());
            long launchedAt = System.nanoTime();
            try (OperatorProcess operator = OperatorProcess.start(
                            kubernetes.url(),
                            api.baseUrl(),
                            FakeSkillsApi.DEFAULT_KEY,
                            endpoints.port(),
                            OPERATOR_LOG,
                            operatorSettings);
                    JitCpu jit = JitCpu.watch(operator.pid())) {
                System.out.println("operator started (pid " + operator.pid() + ", HTTP port " + endpoints.port()
                        + "), log: " + OPERATOR_LOG + "\n");
                var phases = new BenchPhases(settings, kubernetes, api, watch, operator, jit, endpoints);
                try {
                    PhaseResult backlog = phases.backlogSync(launchedAt);
                    results.add(backlog);
                    PhaseResult warm = phases.warmFirstSync();
                    results.add(warm);
                    PhaseResult burst = phases.burst();
                    results.add(burst);
                    PhaseResult steady = phases.steadyState();
                    results.add(steady);
                    if (settings.stormStatus().isPresent()) {
                        results.add(phases.storm(settings.stormStatus().getAsInt()));
                    }
                    long peakRss = results.get(results.size() - 1)
                            .memory()
                            .process()
                            .map(ProcessMemory::peakRssBytes)
                            .orElse(0L);
                    System.out.println("\n"
                            + FigureTable.render(
                                    settings,
                                    phases.operatorStart(),
                                    backlog,
                                    warm,
                                    burst,
                                    phases.burstLatencies(),
                                    steady,
                                    peakRss));
                } catch (BenchmarkFailure e) {
                    System.err.println("\nBenchmark stopped: " + e.getMessage() + "; see " + OPERATOR_LOG);
                    if (!results.isEmpty()) {
                        System.out.println("\n" + ResultTable.render(results));
                    }
                    return 1;
                }
                System.out.println(ResultTable.render(results));
                return 0;
            }
        }
    }
}
