/**
 * Notifications (通知): text messages (SMS) to members, users or a phone number, queued by any module and
 * sent by the portal.
 *
 * <p>A module queues a {@link org.unionportal.api.notification.Notification} through the
 * {@link org.unionportal.api.notification.Notifications} service on its own connection, inside the
 * transaction of the change the message reports: a rolled-back change queues nothing, a committed one is
 * sent once. A de-duplication key per module names the event (e.g. {@code PAYMENT_MADE:claim:5}); queuing
 * the same key again adds nothing, so retries and repeated scans are harmless. The portal's dispatcher sends
 * queued messages later, outside any transaction, through the best
 * {@link org.unionportal.api.notification.spi.MessageSender} service (an SMS gateway adapter), or writes
 * them to the log when there is none. Administrators see the outbox of their subtree under
 * {@code /api/portal/notifications}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.notification;
