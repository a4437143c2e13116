package dev.skillsync.bench;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.local.MockServerLogging;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.testing.EmbeddedKubernetes;
import dev.skillsync.testing.LoopbackPort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the packaged operator on this machine, against the embedded Kubernetes API and the in-process fake Skills
 * API as local mode runs it: the first sync of N Skills, a content change of all of them, a steady-state window, the
 * operator's memory, and on request a storm of 429 or 503 answers. Prints figures and asserts nothing about them. Run with {@code mvn -B -Pbench package
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
            System.err.println("No operator build at " + OperatorProcess.JAR + ": run `mvn -Pbench package -DskipTests`.");
            return 2;
        }
        var endpoints = new OperatorEndpoints(LoopbackPort.free());
        List<PhaseResult> results = new ArrayList<>();
        // Closed in reverse: the operator stops before the servers it talks to.
        try (FakeSkillsApi api = FakeSkillsApi.start();
             EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
             SkillWatch watch = new SkillWatch(kubernetes.client(), BenchSkills.NAMESPACE);
             OperatorProcess operator = OperatorProcess.start(kubernetes.url(), api.baseUrl(),
                     FakeSkillsApi.DEFAULT_KEY, endpoints.port(), OPERATOR_LOG,
                     Map.of("SKILLSYNC_API_DIALECT", api.dialect().settingValue()))) {
            System.out.println("Kubernetes API (embedded): " + kubernetes.url());
            System.out.println("Skills API: " + api.baseUrl() + " (in-process fake)");
            System.out.println("operator started (pid " + operator.pid() + ", HTTP port " + endpoints.port()
                    + "), log: " + OPERATOR_LOG);
            System.out.println(settings.skills() + " Skills, steady-state window " + settings.steadyWindow().toSeconds()
                    + " s, each wait bounded by " + settings.timeout().toSeconds() + " s\n");
            var phases = new BenchPhases(settings, kubernetes.client(), api, watch, operator, endpoints);
            try {
                results.add(phases.operatorStart());
                results.add(phases.firstSync());
                results.add(phases.contentChange());
                results.add(phases.steadyState());
                if (settings.stormStatus().isPresent()) {
                    results.add(phases.storm(settings.stormStatus().getAsInt()));
                }
            } catch (BenchmarkFailure e) {
                System.err.println("\nBenchmark stopped: " + e.getMessage() + "; see " + OPERATOR_LOG);
                if (!results.isEmpty()) {
                    System.out.println("\n" + ResultTable.render(results));
                }
                return 1;
            }
            System.out.println("\n" + ResultTable.render(results));
            return 0;
        }
    }
}
