package dev.skillsync.fake;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** One page of a list, and where the next one starts when there is more. */
record Page<T>(List<T> items, Optional<Long> nextCursor) {

    static <T> Page<T> of(List<T> matching, int limit, ToLongFunction<T> cursor) {
        if (matching.size() <= limit) {
            return new Page<>(List.copyOf(matching), Optional.empty());
        }
        List<T> items = List.copyOf(matching.subList(0, limit));
        return new Page<>(items, Optional.of(cursor.applyAsLong(items.get(limit - 1))));
    }
}
