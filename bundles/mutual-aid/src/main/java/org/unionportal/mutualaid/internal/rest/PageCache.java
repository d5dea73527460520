package org.unionportal.mutualaid.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers kept under the database's write generation ({@code PortalDatabase.writeGeneration()}, read before
 * the query): an answer is served again only while no write has been committed since it was read, so it is
 * never older than the last write. The least recently used answers go first.
 */
final class PageCache<K, V> {
    private record Entry<V>(long generation, V value) {
    }

    private final Map<K, Entry<V>> entries;

    PageCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer kept for {@code key} if it was read at {@code generation}, else null. */
    synchronized V get(K key, long generation) {
        Entry<V> e = entries.get(key);
        return e != null && e.generation() == generation ? e.value() : null;
    }

    synchronized void put(K key, long generation, V value) {
        entries.put(key, new Entry<>(generation, value));
    }
}
