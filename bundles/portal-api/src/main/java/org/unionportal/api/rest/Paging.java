package org.unionportal.api.rest;

/**
 * The portal's paging of lists ({@code ?page=&size=}): pages count from 1, 50 items by default, at most
 * 500, so that every module's lists page the same way and no request asks for a whole table.
 */
public final class Paging {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** The page size asked for, within 1 and {@value #MAX_SIZE}; {@value #DEFAULT_SIZE} when none is given. */
    public static int size(Integer size) {
        return size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
    }

    /** The rows before page {@code page} (from 1; missing or below 1 is the first) of {@code size} rows. */
    public static long offset(Integer page, int size) {
        return page == null || page < 1 ? 0 : (long) (page - 1) * size;
    }
}
