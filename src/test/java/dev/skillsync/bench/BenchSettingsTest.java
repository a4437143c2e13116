package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static final String SKILLS = "skillsync.bench.skills";
    private static final String STEADY = "skillsync.bench.steady-seconds";
    private static final String STORM = "skillsync.bench.storm";
    private static final String STORM_SECONDS = "skillsync.bench.storm-seconds";
    private static final String LATENCY = "skillsync.bench.latency-ms";
    private static final String CONCURRENCY = "skillsync.bench.concurrency";
    private static final String UNRELATED = "skillsync.bench.unrelated";

    @AfterEach
    void clearProperties() {
        System.clearProperty(SKILLS);
        System.clearProperty(STEADY);
        System.clearProperty(STORM);
        System.clearProperty(STORM_SECONDS);
        System.clearProperty(LATENCY);
        System.clearProperty(CONCURRENCY);
        System.clearProperty(UNRELATED);
    }

    @Test
    void defaultsToAHundredSkillsFiftyMillisecondsEightCallsATwentySecondWindowFiveMinuteWaitsAndNoStorm() {
        assertThat(BenchSettings.fromSystemProperties())
                .isEqualTo(new BenchSettings(
                        100,
                        Duration.ofMillis(50),
                        8,
                        0,
                        Duration.ofSeconds(20),
                        Duration.ofMinutes(5),
                        OptionalInt.empty(),
                        Duration.ofSeconds(20),
                        Optional.empty(),
                        BenchCluster.Kind.EMBEDDED));
    }

    @Test
    void takesTheLatencyTheConcurrencyAndTheUnrelatedObjectsAndBurstsATenthOfTheSkills() {
        System.setProperty(SKILLS, "1000");
        System.setProperty(LATENCY, "0");
        System.setProperty(CONCURRENCY, "16");
        System.setProperty(UNRELATED, "10000");

        BenchSettings settings = BenchSettings.fromSystemProperties();

        assertThat(settings.latency()).isZero();
        assertThat(settings.concurrency()).isEqualTo(16);
        assertThat(settings.unrelated()).isEqualTo(10000);
        assertThat(settings.burst()).isEqualTo(100);
        assertThat(settings.warmSkills()).isEqualTo(250);
    }

    @Test
    void refusesNoConcurrencyAndANegativeLatency() {
        System.setProperty(CONCURRENCY, "0");
        assertThatThrownBy(BenchSettings::fromSystemProperties)
                .hasMessage("-Dskillsync.bench.concurrency must be a whole number of at least 1, got '0'");

        System.clearProperty(CONCURRENCY);
        System.setProperty(LATENCY, "-5");
        assertThatThrownBy(BenchSettings::fromSystemProperties)
                .hasMessage("-Dskillsync.bench.latency-ms must be a whole number of at least 0, got '-5'");
    }

    @Test
    void aStormPhaseIsAddedWithItsStatusAndLength() {
        System.setProperty(STORM, "503");
        System.setProperty(STORM_SECONDS, "30");

        BenchSettings settings = BenchSettings.fromSystemProperties();

        assertThat(settings.stormStatus()).hasValue(503);
        assertThat(settings.stormLength()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesAStormOfAnotherStatus() {
        System.setProperty(STORM, "500");
        assertThatThrownBy(BenchSettings::fromSystemProperties)
                .hasMessage("-Dskillsync.bench.storm must be 429 or 503, got '500'");
    }

    @Test
    void takesTheNumberOfSkillsAndTheWindowFromSystemProperties() {
        System.setProperty(SKILLS, "250");
        System.setProperty(STEADY, " 5 ");

        BenchSettings settings = BenchSettings.fromSystemProperties();

        assertThat(settings.skills()).isEqualTo(250);
        assertThat(settings.steadyWindow()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesWhatIsNotAPositiveWholeNumberNamingTheProperty() {
        System.setProperty(SKILLS, "0");
        assertThatThrownBy(BenchSettings::fromSystemProperties)
                .hasMessage("-Dskillsync.bench.skills must be a whole number of at least 1, got '0'");

        System.setProperty(SKILLS, "ten");
        assertThatThrownBy(BenchSettings::fromSystemProperties)
                .hasMessage("-Dskillsync.bench.skills must be a whole number of at least 1, got 'ten'");
    }
}
