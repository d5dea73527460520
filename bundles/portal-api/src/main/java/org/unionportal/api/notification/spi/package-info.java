/**
 * The service provider interface of portal notifications: an SMS gateway adapter (a bundle of its own)
 * registers a {@link org.unionportal.api.notification.spi.MessageSender} service; when there are several,
 * the one with the highest {@code service.ranking} wins (the lowest {@code service.id} among equals). Without
 * one, the portal writes each message to its log and marks it sent with sender {@code "log"}.
 *
 * <p>Replaces {@code org.unionportal.mutualaid.spi.ReminderSender} of the mutual-aid module.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.notification.spi;
