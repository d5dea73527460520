package org.unionportal.mutualaid.internal.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers (JSON bytes) kept under the database's write generation ({@code PortalDatabase.writeGeneration()},
 * read before the query): an answer is served again only while no write has been committed since it was
 * read, so it is never older than the last write. At most {@code maxBytes} are kept; the least recently
 * used answers go first. On PostgreSQL the generation is shared by every portal node on the database, so a claim
 * another node moved is never shown from a page kept here before that write.
 */
final class PageCache<K> {
    private record Entry(long generation, byte[] value) {
    }

    private final long maxBytes;
    private final Map<K, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The answer kept for {@code key} if it was read at {@code generation}, else null. */
    synchronized byte[] get(K key, long generation) {
        Entry e = entries.get(key);
        return e != null && e.generation() == generation ? e.value() : null;
    }

    synchronized void put(K key, long generation, byte[] value) {
        if (value.length > maxBytes) {
            return;
        }
        Entry old = entries.put(key, new Entry(generation, value));
        bytes += value.length - (old == null ? 0 : old.value().length);
        for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes; ) {
            bytes -= eldest.next().value().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
