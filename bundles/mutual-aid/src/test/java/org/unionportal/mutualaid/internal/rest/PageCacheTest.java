package org.unionportal.mutualaid.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PageCacheTest {
    @Test
    void anAnswerIsKeptOnlyForTheGenerationItWasReadAt() {
        PageCache<String, String> cache = new PageCache<>(4);
        cache.put("page 1", 7, "answer");
        assertEquals("answer", cache.get("page 1", 7));
        assertNull(cache.get("page 1", 8), "served after a later write");
        assertNull(cache.get("page 2", 7));
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() {
        PageCache<Integer, String> cache = new PageCache<>(2);
        cache.put(1, 0, "one");
        cache.put(2, 0, "two");
        cache.get(1, 0);
        cache.put(3, 0, "three");
        assertEquals("one", cache.get(1, 0));
        assertNull(cache.get(2, 0), "the least recently used answer was kept");
        assertEquals("three", cache.get(3, 0));
    }
}
