package dev.skillsync.testing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a real-API-server test class when etcd, kube-apiserver or openssl is missing, with one {@link MissingProgram} message
 * a line; fails it instead when external tools are required.
 */
public class RealApiServerCondition implements ExecutionCondition {

    /**
     * etcd and kube-apiserver, and openssl: it makes the certificate of the {@link HoldingProxy} through which the
     * operator under test reaches the API server ({@link RealKubernetesBehindProxy}).
     */
    static final List<ExternalCommand> NEEDED = Stream.concat(
                    RealKubernetes.PROGRAMS.stream(), Stream.of(ExternalCommand.OPENSSL))
            .toList();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<MissingProgram> missing = NEEDED.stream()
                .filter(p -> !p.isInstalled())
                .map(MissingProgram::of)
                .toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("etcd, kube-apiserver and openssl are installed");
        }
        String reasons = missing.stream().map(MissingProgram::message).collect(Collectors.joining("\n"));
        if (MissingProgram.required()) {
            throw new AssertionError(reasons + "\n(" + MissingProgram.REQUIRE_PROPERTY + "=true)");
        }
        return ConditionEvaluationResult.disabled(reasons);
    }
}
