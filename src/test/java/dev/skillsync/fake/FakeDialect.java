package dev.skillsync.fake;

import java.util.Locale;

/**
 * Which shapes the fake serves to a request without the beta header. {@link #BETA}: the server of the reference pages,
 * which refuses such requests. {@link #GA}: the server since the GA shapes, which serves them, and still serves the
 * beta shapes, content endpoint included, to requests with the beta header until {@link FakeSkillsApi#retireBeta()}.
 */
public enum FakeDialect {
    BETA,
    GA;

    /** The dialect named as in {@code skillsync.api.dialect}: {@code beta} or {@code ga}. */
    public static FakeDialect named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** The name {@code skillsync.api.dialect} gives this dialect. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
