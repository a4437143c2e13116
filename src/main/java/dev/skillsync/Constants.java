package dev.skillsync;

/** Names that users, dashboards and health checks see: the API group, annotations, labels, finalizer. */
public final class Constants {

    public static final String GROUP = "skillsync.dev";
    public static final String VERSION = "v1alpha1";

    public static final String FINALIZER = GROUP + "/finalizer";
    public static final String SKILL_ID_ANNOTATION = GROUP + "/skill-id";
    public static final String RECONCILE_REQUESTED_AT_ANNOTATION = GROUP + "/reconcile-requested-at";
    /** ConfigMaps with this label set to "true" are watched; others are re-read at the Skill's interval. */
    public static final String SOURCE_LABEL = GROUP + "/source";

    public static final String SOURCE_LABEL_SELECTOR = SOURCE_LABEL + "=true";

    /** Field manager for every write the operator makes, so server-side apply sees one owner. */
    public static final String FIELD_MANAGER = "skillsync-operator";

    private Constants() {}
}
