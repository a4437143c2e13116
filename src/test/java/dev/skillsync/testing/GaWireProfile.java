package dev.skillsync.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The scenario tests' default settings, with the operator and the fake Skills API in the GA wire dialect. */
public class GaWireProfile implements QuarkusTestProfile, GaWire {}
