package pdmbot.world.gitlab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small least-recently-used map for answers that never change (everything keyed by a full commit sha). */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized int size() {
        return entries.size();
    }
}
