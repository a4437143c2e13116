package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code helm install} tells the user to do next. */
class ChartNotesTest {

    @Test
    void withoutADefaultKeyEverySkillIsToldToNameItsOwnSecret() {
        String notes = OperatorChart.installNotes("{}");

        assertThat(notes)
                .contains("kubectl -n skillsync-system rollout status deployment/skillsync-operator")
                .contains("No default API key is set")
                .contains("kubectl -n <namespace> create secret generic anthropic-api-key --from-literal=api-key=")
                .contains("      apiKeySecretRef:\n        name: anthropic-api-key")
                .contains("kubectl -n <namespace> label configmap pdf-tools-files skillsync.dev/source=true")
                .doesNotContain("crds.install=false");
    }

    @Test
    void withADefaultKeyTheUserIsToldWhichSecretToCreate() {
        String notes = OperatorChart.installNotes("""
                apiKey: {existingSecret: anthropic, secretKey: token}
                watchNamespaces: [team-a]
                crds: {install: false}
                """);

        assertThat(notes)
                .contains("It syncs the Skills of these namespaces only: team-a.")
                .contains("kubectl -n skillsync-system create secret generic anthropic --from-literal=token=")
                .contains("kubectl apply --server-side -f crds/skills.skillsync.dev-v1.yml")
                .doesNotContain("apiKeySecretRef:");
    }
}
