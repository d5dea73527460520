package org.unionportal.api.notification;

import java.util.Objects;

/**
 * Who a message goes to.
 *
 * @param kind      a member of a module or of the member register, a portal user, or just a phone number
 * @param reference the member's or user's id as text ({@code null} for {@link Kind#PHONE})
 * @param phone     the mobile number to send to; for a {@link Kind#USER} without one, the portal takes the
 *                  user's phone from the account when it queues the message
 */
public record Recipient(Kind kind, String reference, String phone) {
    public enum Kind { MEMBER, USER, PHONE }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.PHONE && (reference == null || reference.isBlank())) {
            throw new IllegalArgumentException("A member or user recipient needs its id");
        }
        if (kind == Kind.PHONE && (phone == null || phone.isBlank())) {
            throw new IllegalArgumentException("A phone recipient needs a phone number");
        }
    }

    /** A member (the module's or the register's id) at the phone the module knows for them (may be null). */
    public static Recipient member(long memberId, String phone) {
        return new Recipient(Kind.MEMBER, Long.toString(memberId), phone);
    }

    /** A portal user, at the phone of the account. */
    public static Recipient user(long userId) {
        return new Recipient(Kind.USER, Long.toString(userId), null);
    }

    public static Recipient phone(String phone) {
        return new Recipient(Kind.PHONE, null, phone);
    }
}
