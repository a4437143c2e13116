package dev.skillsync.testing;

import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded API server must treat server-side apply the way the operator relies on. */
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

        Skill patch = new Skill();
        patch.setMetadata(new ObjectMetaBuilder().withName("one").withNamespace("ssa").build());
        SkillStatus status = new SkillStatus();
        status.setSkillId("skill_1");
        patch.setStatus(status);
        kubernetes.client().resource(patch).subresource("status").patch(new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("test").withForce(true).build());

        Skill stored = kubernetes.client().resources(Skill.class).inNamespace("ssa").withName("one").get();
        assertThat(stored.getStatus().getSkillId()).isEqualTo("skill_1");
        assertThat(stored.getSpec().getSource().getConfigMap().getName()).isEqualTo("files");
    }
}
