package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index hands a lookup by name the keys filed under that name, in the order the mock's map keeps them. */
class StoredKeysByNameTest {

    private final StoredKeysByName index = new StoredKeysByName();

    @Test
    void aNameLookupGetsOnlyTheKeysOfThatNameInTheOrderTheyWereStored() {
        AttributeSet inA = key("a", "shared");
        AttributeSet inB = key("b", "shared");
        index.added(inA);
        index.added(key("a", "other"));
        index.added(inB);

        assertThat(index.candidates(query("shared"))).contains(List.of(inA, inB));
    }

    @Test
    void aKeyStoredAgainAfterItsRemovalGoesLastAsInTheMap() {
        AttributeSet inA = key("a", "shared");
        AttributeSet inB = key("b", "shared");
        index.added(inA);
        index.added(inB);

        index.removed(inA);
        index.added(inA);

        assertThat(index.candidates(query("shared"))).contains(List.of(inB, inA));
    }

    @Test
    void aRemovedKeyIsNoCandidateAndAnUnknownNameHasNone() {
        AttributeSet key = key("a", "gone");
        index.added(key);
        index.removed(key);

        assertThat(index.candidates(query("gone"))).contains(List.of());
        assertThat(index.candidates(query("never"))).contains(List.of());
    }

    @Test
    void aQueryWithoutAnExactNameIsLeftToTheScan() {
        index.added(key("a", "one"));

        assertThat(index.candidates(new AttributeSet(new Attribute("namespace", "a"))))
                .isEmpty();
        assertThat(index.candidates(new AttributeSet(new Attribute("name", "one", AttributeType.WITHOUT))))
                .isEmpty();
        assertThat(index.candidates(query("*"))).isEmpty();
    }

    @Test
    void whileAWildcardNameIsStoredEveryQueryIsLeftToTheScan() {
        AttributeSet wildcard = key("a", "*");
        index.added(wildcard);
        assertThat(index.candidates(query("one"))).isEmpty();

        index.removed(wildcard);
        assertThat(index.candidates(query("one"))).contains(List.of());
    }

    @Test
    void clearedItHasNoCandidates() {
        index.added(key("a", "one"));

        index.clear();

        assertThat(index.candidates(query("one"))).contains(List.of());
    }

    private static AttributeSet key(String namespace, String name) {
        return new AttributeSet(
                new Attribute("plural", "configmaps"),
                new Attribute("namespace", namespace),
                new Attribute("name", name));
    }

    private static AttributeSet query(String name) {
        return new AttributeSet(new Attribute("plural", "configmaps"), new Attribute("name", name));
    }
}
