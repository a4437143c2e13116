package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;
import org.opentest4j.TestAbortedException;

/** How a missing program skips a test, and how the report reads the program and its hint back from the skip. */
class MissingProgramTest {

    private static final ExternalCommand ABSENT =
            new ExternalCommand("skillsync-no-such-program", "apt-get install -y skillsync-no-such-program");

    @Test
    void aMissingProgramStopsTheTestNamingTheProgramAndHowToGetIt() {
        assertThat(ABSENT.isInstalled()).isFalse();

        assertThatThrownBy(ABSENT::assumeInstalled)
                .hasMessageStartingWith(
                        "needs skillsync-no-such-program, which is not installed; get it: apt-get install -y "
                                + "skillsync-no-such-program");
        assertThatThrownBy(() -> ABSENT.start(ABSENT.command("--version")))
                .hasMessageStartingWith("needs skillsync-no-such-program");
    }

    @Test
    void itIsASkipUnlessProgramsAreRequiredThenAFailure() {
        MissingProgram missing = MissingProgram.of(ABSENT);

        assertThat(missing.thrown(false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage(missing.message());
        assertThat(missing.thrown(true))
                .isInstanceOf(AssertionError.class)
                .hasMessage(missing.message() + " (skillsync-tests.require-external-tools=true)");
    }

    @Test
    void aProgramAtAnAbsolutePathIsFoundByItsPathAndNamedByItsFileName() {
        ExternalCommand java =
                new ExternalCommand(ProcessHandle.current().info().command().orElseThrow(), "a JDK");
        ExternalCommand gone = new ExternalCommand("/nonexistent/skillsync/kube-apiserver", ".ci/build-kube-apiserver");

        assertThat(java.isInstalled()).isTrue();
        assertThat(gone.isInstalled()).isFalse();
        assertThat(MissingProgram.of(gone).program()).isEqualTo("kube-apiserver");
    }

    @Test
    void theReportReadsTheProgramAndHintBackFromASkipMessage() {
        MissingProgram etcd = new MissingProgram("etcd", ".ci/build-etcd (builds it with Go 1.26)");

        assertThat(MissingProgram.parse(etcd.message())).hasValue(etcd);
        assertThat(MissingProgram.parse("some other reason")).isEmpty();
        assertThat(MissingProgram.parse(null)).isEmpty();
    }

    @Test
    void aTestsTierFollowsItsTags() {
        assertThat(TestTier.of(Set.of())).isEqualTo(TestTier.CORE);
        assertThat(TestTier.of(Set.of(TestTag.create("external-tools")))).isEqualTo(TestTier.EXTERNAL_TOOLS);
        assertThat(TestTier.of(Set.of(TestTag.create("external-tools"), TestTag.create("real-apiserver"))))
                .isEqualTo(TestTier.REAL_APISERVER);
    }
}
