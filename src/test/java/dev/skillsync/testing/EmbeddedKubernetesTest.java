package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded API server must answer server-side apply and finalizer removal the way the operator relies on. */
class EmbeddedKubernetesTest {

    private static EmbeddedKubernetes kubernetes;

    @BeforeAll
    static void start() {
        kubernetes = EmbeddedKubernetes.start();
    }

    @AfterAll
    static void stop() {
        kubernetes.close();
    }

    @Test
    void aServerSideApplyOfTheStatusIsStoredAndKeepsTheSpec() {
        Skill skill = SkillFixtures.newSkill("ssa", "one", "files");
        kubernetes.client().resource(skill).create();

        SkillStatus status = new SkillStatus();
        status.setSkillId("skill_1");
        applyStatus("one", status);

        Skill stored = kubernetes
                .client()
                .resources(Skill.class)
                .inNamespace("ssa")
                .withName("one")
                .get();
        assertThat(stored.getStatus().getSkillId()).isEqualTo("skill_1");
        assertThat(stored.getSpec().getSource().getConfigMap().getName()).isEqualTo("files");
    }

    @Test
    void aSecondApplyReplacesListsAndClearsNulledFieldsAsServerSideApplyDoes() {
        kubernetes
                .client()
                .resource(SkillFixtures.newSkill("ssa", "two", "files"))
                .create();
        applyStatus(
                "two",
                status(List.of(condition("Ready", "Unknown")), new PendingCreate("ssa/two", "sha256:aa", "now")));

        applyStatus("two", status(List.of(condition("Ready", "True"), condition("Stalled", "False")), null));

        SkillStatus stored = kubernetes
                .client()
                .resources(Skill.class)
                .inNamespace("ssa")
                .withName("two")
                .get()
                .getStatus();
        assertThat(stored.getConditions())
                .extracting(Condition::getType, Condition::getStatus)
                .containsExactly(tuple("Ready", "True"), tuple("Stalled", "False"));
        assertThat(stored.getPendingCreate()).isNull();
    }

    @Test
    void aPatchThatRemovesTheLastFinalizerOfADeletedObjectAnswersWithTheObjectAsTheApiServerDoes() {
        Skill skill = SkillFixtures.newSkill("ssa", "three", "files");
        skill.getMetadata().setFinalizers(List.of("skillsync.dev/finalizer"));
        kubernetes.client().resource(skill).create();
        kubernetes.client().resource(skill).delete();

        Skill answer = kubernetes
                .client()
                .resources(Skill.class)
                .inNamespace("ssa")
                .withName("three")
                .edit(s -> {
                    s.getMetadata().setFinalizers(List.of());
                    return s;
                });

        assertThat(answer).isNotNull();
        assertThat(answer.getMetadata().getName()).isEqualTo("three");
        assertThat(answer.getMetadata().getFinalizers()).isEmpty();
        assertThat(kubernetes
                        .client()
                        .resources(Skill.class)
                        .inNamespace("ssa")
                        .withName("three")
                        .get())
                .isNull();
    }

    private static SkillStatus status(List<Condition> conditions, PendingCreate pendingCreate) {
        SkillStatus status = new SkillStatus();
        status.setConditions(conditions);
        status.setPendingCreate(pendingCreate);
        return status;
    }

    private static void applyStatus(String name, SkillStatus status) {
        Skill patch = new Skill();
        patch.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace("ssa").build());
        patch.setStatus(status);
        kubernetes
                .client()
                .resource(patch)
                .subresource("status")
                .patch(new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager("test")
                        .withForce(true)
                        .build());
    }

    private static Condition condition(String type, String status) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason("R")
                .build();
    }
}
