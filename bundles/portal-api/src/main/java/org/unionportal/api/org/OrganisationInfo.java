package org.unionportal.api.org;

/**
 * A node of the union tree: the city federation (CITY), district/county (DISTRICT) and industry
 * (INDUSTRY) unions, grassroots unions (GRASSROOTS). {@code path} is the materialised path of ids,
 * e.g. {@code /1/2/8/}; an organisation's subtree is every path that starts with its own.
 */
public record OrganisationInfo(long id, Long parentId, String name, String kind, String path) {
}
