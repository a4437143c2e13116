package dev.skillsync.testing;

/**
 * Marks a Quarkus test profile whose operator speaks the GA wire dialect: {@link SkillsyncTestEnvironment} then starts
 * the fake Skills API in GA mode and sets {@code skillsync.api.dialect=ga}. Profiles without it get the beta dialect.
 */
public interface GaWire {}
