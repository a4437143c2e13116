package dev.skillsync.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.crud.Value;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of the CRUD mock's stored objects, by their name attribute, each name's keys in the order of the mock's
 * map. A query that names one object by an exact name can only be matched by the keys filed under that name, so
 * those few are all a lookup has to compare.
 *
 * <p>Not thread-safe: the caller guards it together with the map it mirrors.
 */
final class StoredKeysByName {

    private static final String WILDCARD = "*";

    private final Map<Attribute, Set<AttributeSet>> byName = new HashMap<>();
    /**
     * Keys whose name is the mock's wildcard value: such a name equals every name, so it cannot be filed under one.
     * No client can create such an object, but while one is stored the index declines every query.
     */
    private final Set<AttributeSet> wildcardNamed = new LinkedHashSet<>();

    /**
     * The stored keys a query can match, in the mock's order; empty when the query does not ask for one exact name
     * (no name, a name selector other than equality, or a wildcard on either side), which the caller answers by
     * comparing every stored key.
     */
    Optional<List<AttributeSet>> candidates(AttributeSet query) {
        Attribute name = query.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name == null || name.getType() != AttributeType.WITH || isWildcard(name) || !wildcardNamed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(byName.getOrDefault(name, Set.of())));
    }

    /** Mirrors the map's {@code remove(key)}. */
    void removed(AttributeSet key) {
        Attribute name = key.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name == null) {
            return;
        }
        if (isWildcard(name)) {
            wildcardNamed.remove(key);
            return;
        }
        Set<AttributeSet> keys = byName.get(name);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byName.remove(name);
        }
    }

    /** Mirrors the map's {@code put(key, ...)}: a new key goes last, a key already there keeps its place. */
    void added(AttributeSet key) {
        Attribute name = key.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name == null) {
            return;
        }
        if (isWildcard(name)) {
            wildcardNamed.add(key);
            return;
        }
        byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(key);
    }

    void clear() {
        byName.clear();
        wildcardNamed.clear();
    }

    /** The mock's {@link Value} equals anything when either side is {@code *}, so such a name has no hash bucket. */
    private static boolean isWildcard(Attribute name) {
        return name.getValues().stream().map(Value::toString).anyMatch(WILDCARD::equals);
    }
}
