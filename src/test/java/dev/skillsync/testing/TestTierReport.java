package dev.skillsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run, one line per missing external program: the tests skipped for want of it and how to get
 * it; and how many tests each tier ran. Surefire and failsafe run tests in two JVMs, so each JVM writes what it saw
 * to {@code target/test-report/<run>-<pid>.txt} and prints the union of this Maven run's files (the run id comes from
 * the pom): the last JVM's lines cover the whole run. It also writes that union to {@code target/test-report/summary.txt}
 * for {@code .ci/run}. Registered through {@code META-INF/services}.
 */
public class TestTierReport implements TestExecutionListener {

    static final Path DIRECTORY = Path.of("target", "test-report");
    static final String RUN_PROPERTY = "skillsync-tests.run";

    private final Map<String, Integer> testsPerTier = new TreeMap<>();
    private final Map<String, Set<String>> skippedPerProgram = new TreeMap<>();
    private final Map<String, String> hints = new TreeMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        Arrays.stream(TestTier.values()).forEach(tier -> testsPerTier.put(tier.label(), 0));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        recordMissing(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            for (Throwable t = result.getThrowable().orElse(null); t != null; t = t.getCause()) {
                recordMissing(test, t.getMessage());
            }
        } else if (test.isTest()) {
            testsPerTier.merge(TestTier.of(test.getTags()).label(), 1, Integer::sum);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String run = System.getProperty(RUN_PROPERTY, "unknown");
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve(run + "-" + ProcessHandle.current().pid() + ".txt"), ownLines());
            List<String> summary = summaryOf(run);
            Files.write(DIRECTORY.resolve("summary.txt"), summary);
            System.out.println("Test tiers and missing external programs (" + DIRECTORY.resolve("summary.txt") + "):");
            summary.forEach(System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void recordMissing(TestIdentifier test, String message) {
        String line = message == null ? "" : message;
        for (String part : line.split("\n")) {
            MissingProgram.parse(part).ifPresent(missing -> {
                skippedPerProgram
                        .computeIfAbsent(missing.program(), p -> new LinkedHashSet<>())
                        .add(describe(test));
                hints.put(missing.program(), missing.installHint());
            });
        }
    }

    private String describe(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            long tests = plan == null
                    ? 0
                    : plan.getDescendants(test).stream()
                            .filter(TestIdentifier::isTest)
                            .count();
            return simpleName(type.getClassName()) + " (" + tests + " tests)";
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** This JVM's counts and skips, one record a line, tab-separated. */
    private List<String> ownLines() {
        List<String> lines = new ArrayList<>();
        testsPerTier.forEach((tier, count) -> lines.add("tier\t" + tier + "\t" + count));
        skippedPerProgram.forEach((program, tests) ->
                tests.forEach(test -> lines.add("missing\t" + program + "\t" + hints.get(program) + "\t" + test)));
        return lines;
    }

    /** The union of the files this Maven run's JVMs wrote, as the lines to print. */
    private static List<String> summaryOf(String run) throws IOException {
        Map<String, Integer> tiers = new TreeMap<>();
        Map<String, Set<String>> skipped = new TreeMap<>();
        Map<String, String> hints = new TreeMap<>();
        try (var files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(run + "-"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split("\t");
                    if (fields[0].equals("tier")) {
                        tiers.merge(fields[1], Integer.parseInt(fields[2]), Integer::sum);
                    } else {
                        skipped.computeIfAbsent(fields[1], p -> new LinkedHashSet<>())
                                .add(fields[3]);
                        hints.put(fields[1], fields[2]);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        skipped.forEach((program, tests) -> lines.add(
                "missing " + program + ": skipped " + String.join(", ", tests) + "; get it: " + hints.get(program)));
        tiers.forEach((tier, count) -> lines.add("tier " + tier + ": " + count + " tests"));
        return lines;
    }
}
