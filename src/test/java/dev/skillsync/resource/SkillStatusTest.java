package dev.skillsync.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether status is written depends on {@link SkillStatus#equals}; these tests fail when a field would be left out of
 * the comparison or the copy, including any field added later.
 */
class SkillStatusTest {

    @Test
    void everyFieldTakesPartInEqualityAndCopy() throws IllegalAccessException {
        List<Field> fields = statusFields();
        assertThat(fields).isNotEmpty();
        for (Field field : fields) {
            SkillStatus changed = new SkillStatus();
            field.set(changed, sampleValue(field));

            assertThat(changed)
                    .as("a status differing only in %s", field.getName())
                    .isNotEqualTo(new SkillStatus());
            SkillStatus copy = changed.copy();
            assertThat(copy)
                    .as("the copy of a status with %s set", field.getName())
                    .isEqualTo(changed)
                    .hasSameHashCodeAs(changed);
            assertThat(field.get(copy)).as("%s in the copy", field.getName()).isEqualTo(field.get(changed));
        }
    }

    @Test
    void copyIsDeep() {
        SkillStatus original = new SkillStatus();
        original.getVersions().add(new SkillVersionStatus("1", "sha256:a", "2026-01-01T00:00:00Z"));
        original.getConditions()
                .add(new ConditionBuilder().withType("Ready").withStatus("True").build());

        SkillStatus copy = original.copy();
        copy.getVersions().get(0).setVersion("2");
        copy.getConditions().get(0).setStatus("False");

        assertThat(original.getVersions().get(0).getVersion()).isEqualTo("1");
        assertThat(original.getConditions().get(0).getStatus()).isEqualTo("True");
    }

    @Test
    void conditionOrderAndListContentsCount() {
        SkillStatus a = new SkillStatus();
        a.getVersions().add(new SkillVersionStatus("2", "sha256:b", null));
        a.getVersions().add(new SkillVersionStatus("1", "sha256:a", null));
        SkillStatus b = a.copy();
        b.getVersions().remove(1);

        assertThat(a).isNotEqualTo(b);
    }

    private static List<Field> statusFields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : SkillStatus.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    /** A value unlike a new status's for each field type; a field of a new type fails until it gets one here. */
    private static Object sampleValue(Field field) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return "value-of-" + field.getName();
        }
        if (type == Long.class) {
            return 42L;
        }
        if (type == PendingCreate.class) {
            return new PendingCreate("ns/name", "sha256:abc", "2026-01-01T00:00:00Z");
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list) {
            Object element = list.getActualTypeArguments()[0];
            if (element == SkillVersionStatus.class) {
                return new ArrayList<>(List.of(new SkillVersionStatus("7", "sha256:abc", "2026-01-01T00:00:00Z")));
            }
            if (element == Condition.class) {
                return new ArrayList<>(List.of(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("Synced")
                        .build()));
            }
        }
        return fail(
                "SkillStatus.%s has a type this test has no sample value for (%s): add one, so that the field "
                        + "is proven to take part in equality and copy",
                field.getName(), field.getGenericType());
    }
}
