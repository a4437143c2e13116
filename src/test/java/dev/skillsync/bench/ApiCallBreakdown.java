package dev.skillsync.bench;

import dev.skillsync.fake.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Skills API calls counted by operation, e.g. {@code 100 × GET /v1/skills/{id}/versions}, IDs folded away. */
final class ApiCallBreakdown {

    private static final Pattern SKILL_ID = Pattern.compile("^/v1/skills/[^/]+");
    private static final Pattern VERSION = Pattern.compile("/versions/[^/]+");

    private ApiCallBreakdown() {}

    static String describe(List<RecordedCall> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        Map<String, Long> byOperation = calls.stream()
                .collect(Collectors.groupingBy(
                        call -> operation(call.method(), call.path()), TreeMap::new, Collectors.counting()));
        return byOperation.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    static String operation(String method, String path) {
        String withoutSkill = SKILL_ID.matcher(path).replaceFirst("/v1/skills/{id}");
        return method + " " + VERSION.matcher(withoutSkill).replaceFirst("/versions/{version}");
    }
}
