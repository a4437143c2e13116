package dev.skillsync.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Predicate;

/**
 * A Kubernetes API server a test can make hold one request in flight, to land a change of its own meanwhile: what a
 * race test needs from a cluster, whichever cluster it is.
 */
public interface RequestHolding {

    /** Holds the next request that matches until the returned hold is released (or closed). */
    CallHold hold(Predicate<HttpCall> which);

    /** A client for the changes made while a request is held: its requests never wait behind the held one. */
    KubernetesClient bystander();
}
