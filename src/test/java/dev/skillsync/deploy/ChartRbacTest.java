package dev.skillsync.deploy;

import static dev.skillsync.deploy.OperatorChart.NAMESPACE;
import static dev.skillsync.deploy.OperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator gets exactly the permissions it needs: any added verb, resource or scope fails here. */
class ChartRbacTest {

    /** What the operator may do in a namespace it watches. */
    static final List<PolicyRule> WATCH_RULES = List.of(
            rule("skillsync.dev", "skills", "get", "list", "watch", "patch", "update"),
            new PolicyRuleBuilder()
                    .withApiGroups("skillsync.dev")
                    .withResources("skills/status", "skills/finalizers")
                    .withVerbs("patch", "update")
                    .build(),
            rule("", "configmaps", "get", "list", "watch"),
            rule("", "secrets", "get"),
            rule("", "events", "create", "patch"));

    static final List<PolicyRule> LEADER_ELECTION_RULES = List.of(
            rule("coordination.k8s.io", "leases", "create"),
            new PolicyRuleBuilder()
                    .withApiGroups("coordination.k8s.io")
                    .withResources("leases")
                    .withResourceNames(RELEASE + "-leader")
                    .withVerbs("get", "update", "patch")
                    .build());

    static final Subject OPERATOR = new SubjectBuilder()
            .withKind("ServiceAccount")
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .build();

    @Test
    void byDefaultAClusterRoleGrantsTheWatchRulesInEveryNamespace() {
        Manifests chart = OperatorChart.render();

        ClusterRole role = chart.single(ClusterRole.class);
        assertThat(role.getRules()).containsExactlyElementsOf(WATCH_RULES);
        assertThat(role.getAggregationRule()).isNull();
        ClusterRoleBinding binding = chart.single(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).containsExactly(OPERATOR);
    }

    @Test
    void aSingleReplicaWithoutLeaderElectionGetsNoLeasePermission() {
        Manifests chart = OperatorChart.render();

        assertThat(chart.all(Role.class)).isEmpty();
        assertThat(chart.all(RoleBinding.class)).isEmpty();
    }

    @Test
    void leaderElectionGetsOneLeaseInTheReleaseNamespaceOnly() {
        Manifests chart = OperatorChart.render("replicaCount: 2");

        Role role = chart.single(Role.class);
        assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(role.getRules()).containsExactlyElementsOf(LEADER_ELECTION_RULES);
        RoleBinding binding = chart.single(RoleBinding.class);
        assertThat(binding.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).containsExactly(OPERATOR);
        assertThat(chart.single(ClusterRole.class).getRules()).containsExactlyElementsOf(WATCH_RULES);
    }

    @Test
    void watchedNamespacesGetARoleEachAndNoClusterWidePermission() {
        Manifests chart = OperatorChart.render("""
                watchNamespaces: [team-a, team-b]
                leaderElection:
                  enabled: true
                """);

        assertThat(chart.all(ClusterRole.class)).isEmpty();
        assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
        for (String namespace : List.of("team-a", "team-b")) {
            Role role = chart.named(Role.class, namespace, RELEASE);
            assertThat(role.getRules()).containsExactlyElementsOf(WATCH_RULES);
            RoleBinding binding = chart.named(RoleBinding.class, namespace, RELEASE);
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE);
            assertThat(binding.getSubjects()).containsExactly(OPERATOR);
        }
        Role leases = chart.named(Role.class, NAMESPACE, RELEASE + "-leader-election");
        assertThat(leases.getRules()).containsExactlyElementsOf(LEADER_ELECTION_RULES);
        assertThat(chart.all(Role.class)).hasSize(3);
        assertThat(chart.all(RoleBinding.class)).hasSize(3);
    }

    @Test
    void rbacCreateFalseRendersNoPermissionAtAll() {
        Manifests chart = OperatorChart.render("""
                rbac:
                  create: false
                replicaCount: 3
                """);

        assertThat(chart.all(ClusterRole.class)).isEmpty();
        assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
        assertThat(chart.all(Role.class)).isEmpty();
        assertThat(chart.all(RoleBinding.class)).isEmpty();
    }

    private static PolicyRule rule(String apiGroup, String resource, String... verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(apiGroup)
                .withResources(resource)
                .withVerbs(verbs)
                .build();
    }
}
