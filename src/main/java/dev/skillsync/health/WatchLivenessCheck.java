package dev.skillsync.health;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN once a watch has stopped for good, so that Kubernetes restarts the pod instead of leaving the operator
 * blind. quarkus-operator-sdk reports its event sources only for readiness, which takes a pod out of a Service but
 * never restarts it. A watch that is reconnecting is still running and keeps the operator live; fabric8 stops one only
 * after an error it does not retry, such as an object it cannot read.
 */
@Liveness
@ApplicationScoped
public class WatchLivenessCheck implements HealthCheck {

    static final String NAME = "skillsync watches";

    private final Operator operator;

    public WatchLivenessCheck(Operator operator) {
        this.operator = operator;
    }

    @Override
    public HealthCheckResponse call() {
        RuntimeInfo runtime = operator.getRuntimeInfo();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!runtime.isStarted()) {
            // Startup is the startup probe's to judge; no watch has run yet, so none has stopped.
            return response.withData("operator", "starting").build();
        }
        Map<String, String> stopped = new TreeMap<>();
        runtime.unhealthyInformerWrappingEventSourceHealthIndicator()
                .forEach((controller, sources) -> sources.forEach((source, indicator) -> informersOf(indicator)
                        .forEach((namespace, informer) -> {
                            if (!informer.isRunning()) {
                                stopped.put(controller + "/" + source, "stopped watching namespace " + namespace);
                            }
                        })));
        if (stopped.isEmpty()) {
            return response.build();
        }
        stopped.forEach(response::withData);
        return response.down().build();
    }

    /** java-operator-sdk hands the indicator out as a raw type; its informers are InformerHealthIndicators. */
    @SuppressWarnings("unchecked")
    private static Map<String, InformerHealthIndicator> informersOf(
            InformerWrappingEventSourceHealthIndicator<?> indicator) {
        return indicator.informerHealthIndicators();
    }
}
