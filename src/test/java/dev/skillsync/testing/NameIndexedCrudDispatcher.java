package dev.skillsync.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The CRUD mock answering a lookup of one object by name from an index of its stored keys by name, instead of
 * comparing the lookup with every stored object: with a thousand Skills that scan was most of the mock's CPU, and the
 * mock the slowest part of the benchmark. Lookups by name are the mock's own {@link #findResource} (every create,
 * patch and update) and a GET of one named object that is not a watch; lists, label selectors, watches and deletes
 * are the mock's. Among the candidates the mock's own matching decides, first in the mock's order, so the answers
 * are the mock's.
 *
 * <p>The index follows every change of the mock's map: all of them go through {@link #processEvent}, except
 * {@link #reset}. A lock of its own makes a change of the map and of the index one step for a lookup; it is taken
 * inside the mock's lock, never around it.
 */
class NameIndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final StoredKeysByName index = new StoredKeysByName();
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();

    NameIndexedCrudDispatcher() {
        super(List.of());
    }

    @Override
    public MockResponse handleGet(String path) {
        if (isWatchOrUnreadable(path)) {
            return super.handleGet(path);
        }
        AttributeSet query = attributeExtractor.fromPath(path);
        return first(query)
                .map(found -> found.map(entry ->
                                new MockResponse().setBody(entry.getValue()).setResponseCode(HttpURLConnection.HTTP_OK))
                        .orElseGet(() -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)))
                .orElseGet(() -> super.handleGet(path));
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        return first(attributes)
                .orElseGet(() -> Optional.ofNullable(super.findResource(attributes)))
                .orElse(null);
    }

    /**
     * The first stored object the query matches, when the index can answer the query: empty outside, and an empty
     * answer inside when no object matches.
     */
    private Optional<Optional<Map.Entry<AttributeSet, String>>> first(AttributeSet query) {
        indexLock.readLock().lock();
        try {
            return index.candidates(query).map(keys -> firstMatch(keys, query));
        } finally {
            indexLock.readLock().unlock();
        }
    }

    private Optional<Map.Entry<AttributeSet, String>> firstMatch(List<AttributeSet> keys, AttributeSet query) {
        for (AttributeSet key : keys) {
            String stored = map.get(key);
            // A key reset() has just removed from the map may still be in the index for a moment.
            if (stored != null && key.matches(query)) {
                return Optional.of(new AbstractMap.SimpleImmutableEntry<>(key, stored));
            }
        }
        return Optional.empty();
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        AttributeSet newKey = newState == null ? null : storedKey(pathAttributes, resource, newState);
        indexLock.writeLock().lock();
        try {
            super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
            if (oldAttributes != null) {
                index.removed(oldAttributes);
            }
            if (newKey != null) {
                if (map.get(newKey) != newState) {
                    throw new IllegalStateException(
                            "the mock stored " + path + " under another key than the name index derived: " + newKey);
                }
                index.added(newKey);
            }
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    /**
     * The key the mock files a new state under: the attributes of the object, with the path's when the object alone
     * does not give the resource's plural. Checked against the map after every change.
     */
    private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        var extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    @Override
    public void reset() {
        // The mock takes its own lock to clear the map; taking the index's lock around it would invert the order
        // processEvent takes them in. So the index is rebuilt from what the map holds afterwards.
        super.reset();
        indexLock.writeLock().lock();
        try {
            index.clear();
            synchronized (map) {
                map.keySet().forEach(index::added);
            }
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    /** The mock's test for a watch; a path it cannot parse is left to the mock too. */
    private static boolean isWatchOrUnreadable(String path) {
        try {
            String query = new URI(path).getQuery();
            return query != null && query.contains("watch=true");
        } catch (URISyntaxException e) {
            return true;
        }
    }
}
