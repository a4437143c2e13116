package dev.skillsync.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Skips a real-API-server test class when etcd or kube-apiserver is missing, with one {@link MissingProgram} message
 * a line; fails it instead when external tools are required.
 */
public class RealApiServerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<MissingProgram> missing = RealKubernetes.PROGRAMS.stream().filter(p -> !p.isInstalled())
                .map(MissingProgram::of).toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("etcd and kube-apiserver are installed");
        }
        String reasons = missing.stream().map(MissingProgram::message).collect(Collectors.joining("\n"));
        if (MissingProgram.required()) {
            throw new AssertionError(reasons + "\n(" + MissingProgram.REQUIRE_PROPERTY + "=true)");
        }
        return ConditionEvaluationResult.disabled(reasons);
    }
}
