/**
 * The mutual-aid module's service provider interface for reminders (应赔尽赔): text messages to
 * members, such as "your claim needs more documents" or "your cover ends soon".
 *
 * <p>The module keeps every reminder in an outbox table and sends it later, outside the
 * transaction that queued it. An SMS gateway adapter (a bundle of its own) registers a
 * {@link org.unionportal.mutualaid.spi.ReminderSender} service; when there are several, the one with
 * the highest {@code service.ranking} wins (the lowest {@code service.id} among equals). Without one,
 * the module's built-in sender writes each reminder to the log and marks it sent with sender
 * {@code "log"}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.mutualaid.spi;
