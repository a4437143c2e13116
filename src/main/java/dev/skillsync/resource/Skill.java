package dev.skillsync.resource;

import dev.skillsync.Constants;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Claude Agent Skill whose files live in the cluster and whose copy lives in the Skills API. */
@Group(Constants.GROUP)
@Version(Constants.VERSION)
@Plural("skills")
@Singular("skill")
@ShortNames("sk")
@AdditionalPrinterColumn(name = "Skill ID", jsonPath = ".status.skillId")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.latestVersion")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Skill extends CustomResource<SkillSpec, SkillStatus> implements Namespaced {

    /** One of the Skill's annotations, or null. */
    public String annotation(String name) {
        var annotations = getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(name);
    }

    /** The title used when {@code spec.displayTitle} is not set: {@code <namespace>/<name>}. */
    public String effectiveDisplayTitle() {
        String title = getSpec() == null ? null : getSpec().getDisplayTitle();
        return title != null
                ? title
                : getMetadata().getNamespace() + "/" + getMetadata().getName();
    }
}
