package org.unionportal.core.internal.store;

/** A node of the union tree. {@code kind}: CITY, DISTRICT, INDUSTRY or GRASSROOTS. */
public record Organisation(long id, Long parentId, String name, String kind, String path) {
}
