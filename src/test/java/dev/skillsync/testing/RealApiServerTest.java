package dev.skillsync.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of the real-API-server tier: tagged {@value TestTier#REAL_APISERVER_TAG}, and skipped before anything
 * starts (Quarkus included) when etcd or the built kube-apiserver is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTier.REAL_APISERVER_TAG)
@ExtendWith(RealApiServerCondition.class)
public @interface RealApiServerTest {}
