package org.unionportal.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void sizesAreBoundedAndDefaulted() {
        assertEquals(50, Paging.size(null));
        assertEquals(1, Paging.size(0));
        assertEquals(20, Paging.size(20));
        assertEquals(500, Paging.size(100_000));
    }

    @Test
    void pagesCountFromOne() {
        assertEquals(0, Paging.offset(null, 50));
        assertEquals(0, Paging.offset(0, 50));
        assertEquals(0, Paging.offset(1, 50));
        assertEquals(100, Paging.offset(3, 50));
        assertEquals(4_999_999_500L, Paging.offset(10_000_000, 500), "no int overflow");
    }
}
