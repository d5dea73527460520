package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PageCacheTest {
    @Test
    void anAnswerIsKeptOnlyForTheGenerationItWasReadAt() {
        PageCache<String> cache = new PageCache<>(100);
        cache.put("page 1", 7, bytes(10));
        assertArrayEquals(bytes(10), cache.get("page 1", 7));
        assertNull(cache.get("page 1", 8), "served after a later write");
        assertNull(cache.get("page 2", 7));
    }

    @Test
    void theLeastRecentlyUsedAnswersGoWhenTheBytesRunOut() {
        PageCache<Integer> cache = new PageCache<>(100);
        cache.put(1, 0, bytes(40));
        cache.put(2, 0, bytes(40));
        cache.get(1, 0);
        cache.put(3, 0, bytes(40));
        assertEquals(80, cache.bytes());
        assertArrayEquals(bytes(40), cache.get(1, 0));
        assertNull(cache.get(2, 0), "the least recently used answer was kept");
        assertArrayEquals(bytes(40), cache.get(3, 0));
        cache.put(3, 1, bytes(10));
        assertEquals(50, cache.bytes(), "a replaced answer still counted");
        cache.put(4, 1, bytes(101));
        assertNull(cache.get(4, 1), "an answer larger than the whole cache was kept");
        assertEquals(50, cache.bytes());
    }

    private static byte[] bytes(int n) {
        return new byte[n];
    }
}
