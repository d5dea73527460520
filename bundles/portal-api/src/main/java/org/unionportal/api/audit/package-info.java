/**
 * The audit trail (操作日志): who changed which record of which module, when, and what changed.
 *
 * <p>A module records an {@link org.unionportal.api.audit.AuditEntry} through the
 * {@link org.unionportal.api.audit.AuditTrail} service on its own connection, inside the transaction of the
 * write: the entry exists exactly when the change was committed. Platform and district administrators browse
 * the entries of their subtree (by the record's organisation path) per record and per user under
 * {@code /api/portal/audit}, and export them. {@link org.unionportal.api.audit.AuditFields} builds the before/after
 * maps (nulls allowed). A bulk write records its many entries with
 * {@link org.unionportal.api.audit.AuditTrail#recordAll} in JDBC batches. A module names its entries' module, record
 * types and actions in both languages with an {@link org.unionportal.api.audit.AuditLabels} service (1.3).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.unionportal.api.audit;
