package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.Fault;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 200 Skills while every Skills API call is answered 429 (or 503) with {@code retry-after: 5} for 20 s: the operator
 * as a whole slows down, sending no more than max-concurrent-requests calls per requested wait, and every Skill is
 * Ready within 30 s of the storm's end. The bounds are counted from the calls the fake received.
 */
@QuarkusTest
@TestProfile(ApiStormScenarioTest.FourCallsAtOnce.class)
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class ApiStormScenarioTest extends ScenarioSupport {

    static final int MAX_CONCURRENT_REQUESTS = 4;
    static final int SKILLS = 200;
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration STORM = Duration.ofSeconds(20);
    static final Duration READY_AFTER_STORM = Duration.ofSeconds(30);

    /** A small limit, so that the bound is far below what 200 Skills would send on their own. */
    public static class FourCallsAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.api.max-concurrent-requests", Integer.toString(MAX_CONCURRENT_REQUESTS));
        }
    }

    @ParameterizedTest(name = "{0} storm")
    @ValueSource(ints = {429, 503})
    void aStormSlowsTheWholeOperatorAndEverySkillSyncsAfterIt(int status) {
        String ns = uniqueNamespace("storm" + status);
        long stormStart = System.nanoTime();
        api().injectFault(Fault.onEveryRequest()
                .status(status)
                .header("retry-after", Long.toString(RETRY_AFTER.toSeconds()))
                .lasting(STORM)
                .build());
        for (int i = 0; i < SKILLS; i++) {
            create(configMap(ns, "files-" + i, true, files("storm-" + i, "Storm " + i + ".", "pass\n")));
            create(newSkill(ns, "skill-" + i, "files-" + i));
        }

        Duration untilReadyDeadline =
                Duration.ofNanos(stormStart + STORM.plus(READY_AFTER_STORM).toNanos() - System.nanoTime());
        await().atMost(untilReadyDeadline).pollInterval(Duration.ofSeconds(1)).until(() -> allSynced(ns));

        long stormEnd = stormStart + STORM.toNanos();
        List<RecordedCall> calls = api().calls().stream()
                .filter(c -> c.receivedNanos() >= stormStart)
                .toList();
        List<RecordedCall> inStorm =
                calls.stream().filter(c -> c.receivedNanos() < stormEnd).toList();
        assertThat(inStorm)
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(status));
        long periods = STORM.toNanos() / RETRY_AFTER.toNanos() + 1;
        assertThat(inStorm).hasSizeLessThanOrEqualTo((int) (MAX_CONCURRENT_REQUESTS * periods));
        // Per requested wait, counted from each call the storm answered: the next round waits for the whole wait.
        assertThat(inStorm)
                .allSatisfy(answered -> assertThat(calls)
                        .filteredOn(c -> c.receivedNanos() >= answered.receivedNanos()
                                && c.receivedNanos() < answered.receivedNanos() + RETRY_AFTER.toNanos())
                        .hasSizeLessThanOrEqualTo(MAX_CONCURRENT_REQUESTS));
        // Nothing was created twice by a retry.
        assertThat(api().skills().stream().filter(s -> s.displayTitle().startsWith(ns + "/")))
                .hasSize(SKILLS);
    }

    private boolean allSynced(String namespace) {
        List<Skill> skills =
                k8s().resources(Skill.class).inNamespace(namespace).list().getItems();
        return skills.size() == SKILLS && skills.stream().allMatch(s -> hasCondition(s, "Ready", "True", "Synced"));
    }
}
