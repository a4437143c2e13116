package dev.skillsync.resource;

import dev.skillsync.content.Quote;
import dev.skillsync.oci.OciReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the CRD's schema states (required fields, enums, patterns, minimums, CEL rules), applied by the operator
 * itself: a CRD applied without its schema, or a newer one than the operator, lets values through that the operator
 * cannot use. Each is reported; none is replaced by a default.
 */
public final class SkillSpecRules {

    private static final String INTERVAL = "spec.interval";
    private static final String DELETION_POLICY = "spec.deletionPolicy";
    private static final String API_KEY_SECRET_REF = "spec.apiKeySecretRef";
    private static final int MAX_INTERVAL_LENGTH = 32;
    private static final int MAX_URL_LENGTH = 2048;
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private SkillSpecRules() {}

    /** Every problem of the spec, those found while reading it first; empty when the operator can use it. */
    public static List<SpecProblem> problems(SkillSpec spec) {
        if (spec == null) {
            return List.of(new SpecProblem(
                    SkillSpec.ROOT, "the Skill has no spec; set spec.source to a configMap or " + "an oci source"));
        }
        List<SpecProblem> problems = new ArrayList<>(spec.readProblems());
        if (spec.unreadable(SkillSpec.ROOT)) {
            return problems;
        }
        if (spec.getDisplayTitle() != null && spec.getDisplayTitle().isEmpty()) {
            problems.add(new SpecProblem(
                    "spec.displayTitle",
                    "spec.displayTitle is empty; give the remote skill a "
                            + "title, or remove the field to use the default <namespace>/<name>"));
        }
        checkSource(spec, problems);
        checkInterval(spec.getInterval(), problems);
        Retention retention = spec.getRetention();
        if (retention != null && retention.getMaxVersions() != null && retention.getMaxVersions() < 1) {
            problems.add(new SpecProblem(
                    "spec.retention.maxVersions",
                    "spec.retention.maxVersions is " + retention.getMaxVersions()
                            + "; it must be at least 1 (the latest version is always kept)"));
        }
        SecretKeySelector apiKey = spec.getApiKeySecretRef();
        if (apiKey != null) {
            requireName(API_KEY_SECRET_REF + ".name", apiKey.getName(), problems);
        }
        return problems;
    }

    /**
     * The problems of what a deletion needs: the policy, and the key it deletes with. With one of them, the operator
     * cannot tell whether to delete the remote skill, or cannot do it with the user's key.
     */
    public static List<SpecProblem> deletionProblems(SkillSpec spec) {
        if (spec == null) {
            return problems(null);
        }
        return spec.readProblems().stream()
                .filter(p -> p.field().equals(SkillSpec.ROOT)
                        || p.field().equals(DELETION_POLICY)
                        || p.field().startsWith(API_KEY_SECRET_REF))
                .toList();
    }

    private static void checkSource(SkillSpec spec, List<SpecProblem> problems) {
        SkillSource source = spec.getSource();
        if (source == null) {
            if (!spec.unreadable("spec.source")) {
                problems.add(new SpecProblem(
                        "spec.source",
                        "spec.source is missing; set exactly one of " + "spec.source.configMap or spec.source.oci"));
            }
            return;
        }
        boolean configMap = source.getConfigMap() != null;
        boolean oci = source.getOci() != null;
        if (configMap && oci) {
            problems.add(new SpecProblem("spec.source", "spec.source sets both configMap and oci; keep exactly one"));
        } else if (!configMap
                && !oci
                && !spec.unreadable("spec.source.configMap")
                && !spec.unreadable("spec.source.oci")) {
            problems.add(new SpecProblem("spec.source", "spec.source sets neither configMap nor oci; set exactly one"));
        }
        if (configMap) {
            checkConfigMap(source.getConfigMap(), problems);
        }
        if (oci) {
            checkOci(source.getOci(), problems);
        }
    }

    private static void checkConfigMap(ConfigMapSource configMap, List<SpecProblem> problems) {
        requireName("spec.source.configMap.name", configMap.getName(), problems);
        List<KeyToPath> items = configMap.getItems();
        for (int i = 0; items != null && i < items.size(); i++) {
            String field = "spec.source.configMap.items[" + i + "]";
            KeyToPath item = items.get(i);
            if (item == null) {
                continue;
            }
            if (item.getKey() == null) {
                problems.add(new SpecProblem(field + ".key", field + ".key is missing; name a data or binaryData key"));
            }
            if (item.getPath() == null) {
                problems.add(new SpecProblem(
                        field + ".path",
                        field + ".path is missing; give the file's path in the " + "skill, such as scripts/run.py"));
            }
        }
    }

    private static void checkOci(OciSource oci, List<SpecProblem> problems) {
        String url = oci.getUrl();
        if (url == null) {
            problems.add(new SpecProblem(
                    "spec.source.oci.url",
                    "spec.source.oci.url is missing; set it to " + "oci://host[:port]/repository"));
        } else if (url.length() > MAX_URL_LENGTH) {
            problems.add(new SpecProblem(
                    "spec.source.oci.url",
                    "spec.source.oci.url is " + url.length() + " characters long; at most " + MAX_URL_LENGTH
                            + " are allowed"));
        } else {
            checkReference("spec.source.oci.url", url, null, null, problems);
        }
        OciRef ref = oci.getRef();
        if (ref != null) {
            checkReference("spec.source.oci.ref", null, ref.getTag(), ref.getDigest(), problems);
        }
        if (oci.getSecretRef() != null) {
            requireName("spec.source.oci.secretRef.name", oci.getSecretRef().getName(), problems);
        }
        if (oci.getCertSecretRef() != null) {
            requireName(
                    "spec.source.oci.certSecretRef.name", oci.getCertSecretRef().getName(), problems);
        }
    }

    /** The url alone, or the ref alone (against a placeholder url), so that each problem names its own field. */
    private static void checkReference(
            String field, String url, String tag, String digest, List<SpecProblem> problems) {
        try {
            OciReference.parse(url != null ? url : "oci://registry.invalid/placeholder", tag, digest);
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(field, field + ": " + e.getMessage()));
        }
    }

    private static void checkInterval(String interval, List<SpecProblem> problems) {
        if (interval == null) {
            return;
        }
        String hint = "; use a duration of at least 1s such as 30s, 10m or 1h30m";
        if (interval.length() > MAX_INTERVAL_LENGTH) {
            problems.add(new SpecProblem(
                    INTERVAL,
                    INTERVAL + " is " + interval.length() + " characters long; at most " + MAX_INTERVAL_LENGTH
                            + " are allowed" + hint));
            return;
        }
        try {
            if (GoDuration.parse(interval).compareTo(MIN_INTERVAL) < 0) {
                problems.add(
                        new SpecProblem(INTERVAL, INTERVAL + " " + Quote.of(interval) + " is shorter than 1s" + hint));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(INTERVAL, INTERVAL + " " + Quote.of(interval) + " is not a duration" + hint));
        }
    }

    private static void requireName(String field, String name, List<SpecProblem> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(new SpecProblem(
                    field,
                    field + " is " + (name == null ? "missing" : "empty")
                            + "; name the object in the Skill's namespace"));
        }
    }
}
