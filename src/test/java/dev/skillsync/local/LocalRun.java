package dev.skillsync.local;

import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.EmbeddedKubernetes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the operator on this machine with nothing else: an embedded Kubernetes API with the CRD and the Skills in
 * examples/, the fake Skills API unless ANTHROPIC_API_KEY is set, and the packaged operator as a child process. Prints
 * the Skills as they change, like {@code kubectl get skills -A -w}. Not part of the operator's image.
 *
 * <p>System properties: {@code skillsync.local.exit-when-ready=true} exits 0 once every Skill is Ready (1 on timeout),
 * {@code skillsync.local.timeout} (default 120s) bounds that wait, {@code skillsync.api.dialect} ({@code beta}, the
 * default, or {@code ga}) is the wire dialect of the operator and of the fake.
 */
public final class LocalRun {

    private static final Path OPERATOR_LOG = Path.of("target", "local-operator.log");
    private static final Path EXAMPLES = Path.of("examples");
    private static final String ROW = "%-10s %-16s %-32s %-18s %-7s %-16s%n";

    private final Map<String, Skill> skills = new ConcurrentHashMap<>();
    /** The row last printed for each Skill, so that an unchanged row is not printed again. */
    private final Map<String, String> printedRows = new ConcurrentHashMap<>();

    private final CountDownLatch allReady = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        MockServerLogging.quiet();
        boolean exitWhenReady = Boolean.getBoolean("skillsync.local.exit-when-ready");
        Duration timeout = Duration.parse(
                "PT" + System.getProperty("skillsync.local.timeout", "120s").toUpperCase());
        FakeDialect dialect = FakeDialect.named(System.getProperty("skillsync.api.dialect", "beta"));
        System.exit(new LocalRun().run(exitWhenReady, timeout, dialect));
    }

    int run(boolean exitWhenReady, Duration timeout, FakeDialect dialect) throws IOException, InterruptedException {
        if (!OperatorProcess.isBuilt()) {
            System.err.println(
                    "No operator build at " + OperatorProcess.JAR + ": run `mvn -Plocal package -DskipTests`.");
            return 2;
        }
        FakeSkillsApi fake = realApiKey() == null ? FakeSkillsApi.start(dialect) : null;
        try (EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
            String apiUrl = fake != null
                    ? fake.baseUrl()
                    : System.getenv().getOrDefault("ANTHROPIC_BASE_URL", "https://api.anthropic.com");
            System.out.println("Kubernetes API (embedded): " + kubernetes.url());
            System.out.println("Skills API: " + apiUrl
                    + (fake != null ? " (in-process fake)" : " (real, ANTHROPIC_API_KEY set)")
                    + ", dialect " + dialect.settingValue());
            for (Path example : exampleFiles()) {
                kubernetes.apply(example);
                System.out.println("applied " + example);
            }
            String apiKey = fake != null ? FakeSkillsApi.DEFAULT_KEY : realApiKey();
            try (var operator = OperatorProcess.start(
                    kubernetes.url(),
                    apiUrl,
                    apiKey,
                    0,
                    OPERATOR_LOG,
                    Map.of("SKILLSYNC_API_DIALECT", dialect.settingValue()))) {
                System.out.println("operator started (pid " + operator.pid() + "), log: " + OPERATOR_LOG + "\n");
                System.out.printf(ROW, "NAMESPACE", "NAME", "SKILL ID", "VERSION", "READY", "REASON");
                try (var watch = kubernetes
                        .client()
                        .resources(Skill.class)
                        .inAnyNamespace()
                        .watch(new Printer())) {
                    if (!exitWhenReady) {
                        return operator.waitFor();
                    }
                    boolean ready = allReady.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    operator.close();
                    if (!ready) {
                        System.err.println("\nNot every Skill was Ready within " + timeout + "; see " + OPERATOR_LOG);
                        return 1;
                    }
                    System.out.println("\nAll " + skills.size() + " Skills are Ready.");
                    return 0;
                }
            }
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    private static String realApiKey() {
        String key = System.getenv("ANTHROPIC_API_KEY");
        return key == null || key.isBlank() ? null : key;
    }

    private static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private final class Printer implements Watcher<Skill> {

        @Override
        public void eventReceived(Action action, Skill skill) {
            String key = skill.getMetadata().getNamespace() + "/"
                    + skill.getMetadata().getName();
            if (action == Action.DELETED) {
                skills.remove(key);
            } else {
                skills.put(key, skill);
            }
            Optional<Condition> ready = ReadyCondition.of(skill);
            String row = String.format(
                    ROW,
                    skill.getMetadata().getNamespace(),
                    skill.getMetadata().getName(),
                    skill.getStatus() == null || skill.getStatus().getSkillId() == null
                            ? ""
                            : skill.getStatus().getSkillId(),
                    skill.getStatus() == null || skill.getStatus().getLatestVersion() == null
                            ? ""
                            : skill.getStatus().getLatestVersion(),
                    ready.map(Condition::getStatus).orElse(""),
                    ready.map(Condition::getReason).orElse(""));
            // As kubectl get -w shows it: a row only when something in it changed.
            if (action == Action.DELETED || !row.equals(printedRows.put(key, row))) {
                System.out.print(row);
            }
            if (action == Action.DELETED) {
                printedRows.remove(key);
            }
            if (!skills.isEmpty() && skills.values().stream().allMatch(ReadyCondition::isTrue)) {
                allReady.countDown();
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            System.err.println("watch closed: " + cause.getMessage());
        }
    }
}
