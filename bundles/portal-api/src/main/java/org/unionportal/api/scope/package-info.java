/**
 * Data scope in one place: a caller sees the records of its organisation's subtree of the union
 * tree. {@link org.unionportal.api.scope.DataScope} gives the SQL condition for a query on an
 * organisation-path column and checks one record (404 outside the subtree).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.unionportal.api.scope;
