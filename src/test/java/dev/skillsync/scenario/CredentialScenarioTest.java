package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.RecordedCall;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys in a Skill's Secret change: a rotated one is used at the next call, a revoked one stalls without a storm. */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class CredentialScenarioTest extends ScenarioSupport {

    @Test
    void aKeyRotatedInTheSkillsSecretIsUsedAtTheNextCallWithoutARestart() {
        String ns = uniqueNamespace("rotate");
        String oldKey = "sk-ant-old-" + ns;
        String newKey = "sk-ant-new-" + ns;
        api().acceptKey(oldKey);
        k8s().resource(keySecret(ns, oldKey)).create();
        create(configMap(ns, "files", true, files("rotated", "Rotated.", "v = 1\n")));
        create(withKeyFrom(newSkill(ns, "rotated", "files")));
        String skillId = awaitSynced(ns, "rotated").getStatus().getSkillId();
        int callsBefore = api().calls().size();

        api().acceptKey(newKey);
        k8s().secrets().inNamespace(ns).withName("skill-key").edit(secret -> {
            secret.setStringData(Map.of("api-key", newKey));
            return secret;
        });
        api().revokeKey(oldKey);
        putFile(ns, "files", "run.py", "v = 2\n");

        await().atMost(TIMEOUT)
                .until(() -> api().versions(skillId).size() == 2
                        && hasCondition(skill(ns, "rotated").get(), "Ready", "True", "Synced"));
        List<RecordedCall> after = api()
                .calls()
                .subList(callsBefore, api().calls().size())
                .stream()
                .filter(c -> c.path().contains(skillId))
                .toList();
        assertThat(after).isNotEmpty().allSatisfy(call -> {
            assertThat(call.hasApiKey(newKey)).isTrue();
            assertThat(call.status()).isLessThan(300);
        });
    }

    @Test
    void aRevokedKeyStallsAsAuthenticationFailedAndIsNotTriedAgainAndAgain() {
        String ns = uniqueNamespace("revoked");
        String key = "sk-ant-revoked-" + ns;
        api().acceptKey(key);
        k8s().resource(keySecret(ns, key)).create();
        create(configMap(ns, "files", true, files("revoked", "Revoked.", "pass\n")));
        create(withKeyFrom(newSkill(ns, "revoked", "files")));
        awaitSynced(ns, "revoked");

        api().revokeKey(key);
        requestReconcile(ns, "revoked", "after-revocation");

        Skill stalled = awaitReady(ns, "revoked", "False", "AuthenticationFailed");
        assertThat(hasCondition(stalled, "Stalled", "True", "AuthenticationFailed"))
                .isTrue();
        assertThat(condition(stalled, "Ready").orElseThrow().getMessage())
                .contains("rejected the API key", "skillsync.dev/reconcile-requested-at");
        // The test's retry backoff is 200 ms to 2 s: a Skill retried as a transient failure would call again and
        // again in this window. A rejected key waits for a person instead.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> rejectedCalls(key) == 1);
        String everything =
                k8s().getKubernetesSerialization().asJson(skill(ns, "revoked").get())
                        + k8s().getKubernetesSerialization().asJson(events(ns, "revoked"));
        assertThat(everything).doesNotContain(key);

        api().acceptKey(key);
        requestReconcile(ns, "revoked", "key-restored");
        awaitSynced(ns, "revoked");
    }

    private long rejectedCalls(String key) {
        return api().calls().stream()
                .filter(c -> c.hasApiKey(key) && c.status() == 401)
                .count();
    }

    private static Skill withKeyFrom(Skill skill) {
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector("skill-key", "api-key"));
        return skill;
    }

    private static Secret keySecret(String namespace, String key) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("skill-key")
                .withNamespace(namespace)
                .endMetadata()
                .addToStringData("api-key", key)
                .build();
    }
}
