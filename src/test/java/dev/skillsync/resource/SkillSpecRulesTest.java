package dev.skillsync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillSpecRulesTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    private static SkillSpec configMapSpec() {
        SkillSpec spec = new SkillSpec();
        SkillSource source = new SkillSource();
        source.setConfigMap(new ConfigMapSource("files", null));
        spec.setSource(source);
        return spec;
    }

    private static SkillSpec ociSpec(String url, OciRef ref) {
        SkillSpec spec = new SkillSpec();
        SkillSource source = new SkillSource();
        OciSource oci = new OciSource();
        oci.setUrl(url);
        oci.setRef(ref);
        source.setOci(oci);
        spec.setSource(source);
        return spec;
    }

    private static List<String> fields(SkillSpec spec) {
        return SkillSpecRules.problems(spec).stream().map(SpecProblem::field).toList();
    }

    private static String message(SkillSpec spec) {
        return SkillSpecRules.problems(spec).get(0).message();
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(SkillSpecRules.problems(configMapSpec())).isEmpty();
        assertThat(SkillSpecRules.problems(ociSpec("oci://registry.example:5000/skills/pdf", new OciRef(null, DIGEST))))
                .isEmpty();
    }

    @Test
    void aMissingSpecIsReported() {
        assertThat(SkillSpecRules.problems(null)).extracting(SpecProblem::field).containsExactly("spec");
    }

    @Test
    void exactlyOneSourceIsRequired() {
        SkillSpec both = configMapSpec();
        both.getSource().setOci(ociSpec("oci://r.example/s", null).getSource().getOci());
        SkillSpec neither = new SkillSpec();
        neither.setSource(new SkillSource());
        SkillSpec none = new SkillSpec();

        assertThat(message(both)).contains("both configMap and oci");
        assertThat(message(neither)).contains("neither configMap nor oci");
        assertThat(message(none)).contains("spec.source is missing");
    }

    @Test
    void anIntervalMustBeADurationOfAtLeastOneSecond() {
        for (String bad : List.of("10 minutes", "5", "", "-1m", "500ms", "0s", "1".repeat(40) + "s")) {
            SkillSpec spec = configMapSpec();
            spec.setInterval(bad);
            assertThat(fields(spec)).as(bad).containsExactly("spec.interval");
            assertThat(message(spec)).as(bad).contains("30s, 10m or 1h30m");
        }
        SkillSpec spec = configMapSpec();
        spec.setInterval("1.5h");
        assertThat(SkillSpecRules.problems(spec)).isEmpty();
        assertThat(spec.intervalDuration()).hasMinutes(90);
    }

    @Test
    void maxVersionsBelowOneIsReportedNotRaised() {
        for (int bad : new int[] {0, -3}) {
            SkillSpec spec = configMapSpec();
            spec.setRetention(new Retention(bad));
            assertThat(message(spec)).contains("spec.retention.maxVersions is " + bad, "at least 1");
        }
    }

    @Test
    void anEmptyDisplayTitleIsReported() {
        SkillSpec spec = configMapSpec();
        spec.setDisplayTitle("");
        assertThat(fields(spec)).containsExactly("spec.displayTitle");
    }

    @Test
    void malformedOciReferencesNameTheirField() {
        assertThat(fields(ociSpec("https://r.example/s", null))).containsExactly("spec.source.oci.url");
        assertThat(fields(ociSpec("oci://r.example", null))).containsExactly("spec.source.oci.url");
        assertThat(fields(ociSpec("oci://r.example/s", new OciRef(null, "sha256:abc"))))
                .containsExactly("spec.source.oci.ref");
        assertThat(message(ociSpec("oci://r.example/s", new OciRef("1.0", DIGEST))))
                .contains("not both");
        assertThat(fields(ociSpec(null, null))).containsExactly("spec.source.oci.url");
    }

    @Test
    void requiredNamesAndItemFieldsAreReported() {
        SkillSpec spec = configMapSpec();
        spec.getSource().getConfigMap().setName("");
        spec.getSource().getConfigMap().setItems(List.of(new KeyToPath(null, "a"), new KeyToPath("b", null)));
        spec.setApiKeySecretRef(new SecretKeySelector(null, "api-key"));

        assertThat(fields(spec))
                .containsExactly(
                        "spec.source.configMap.name",
                        "spec.source.configMap.items[0].key",
                        "spec.source.configMap.items[1].path",
                        "spec.apiKeySecretRef.name");
    }
}
