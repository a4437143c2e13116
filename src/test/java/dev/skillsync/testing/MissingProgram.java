package dev.skillsync.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * An external program that a test needs and this machine lacks, and how to get it. Its message is the one
 * {@link TestTierReport} reads back from a skipped test, whatever class loader (Quarkus's or JUnit's) threw it.
 */
public record MissingProgram(String program, String installHint) {

    /** With this system property true, a missing program fails the test instead of skipping it ({@code .ci/run}). */
    public static final String REQUIRE_PROPERTY = "skillsync-tests.require-external-tools";

    private static final Pattern MESSAGE = Pattern.compile("needs (\\S+), which is not installed; get it: (.+)");

    static MissingProgram of(ExternalCommand command) {
        return new MissingProgram(Path.of(command.executable()).getFileName().toString(), command.installHint());
    }

    public String message() {
        return "needs " + program + ", which is not installed; get it: " + installHint;
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRE_PROPERTY);
    }

    /** Aborts the running test, which JUnit reports as skipped; fails it instead when programs are required. */
    public void skipOrFail() {
        Throwable thrown = thrown(required());
        if (thrown instanceof AssertionError failure) {
            throw failure;
        }
        throw (TestAbortedException) thrown;
    }

    /** What a test that needs this program throws: a skip, or a failure when programs are required. */
    Throwable thrown(boolean required) {
        return required
                ? new AssertionError(message() + " (" + REQUIRE_PROPERTY + "=true)")
                : new TestAbortedException(message());
    }

    /** The missing program a skip message names, if it names one. */
    static Optional<MissingProgram> parse(String message) {
        Matcher matcher = MESSAGE.matcher(message == null ? "" : message);
        return matcher.find()
                ? Optional.of(
                        new MissingProgram(matcher.group(1), matcher.group(2).strip()))
                : Optional.empty();
    }
}
