package org.unionportal.api.security;

/** Masks personal data wherever the full value is not needed. */
public final class Masking {
    private Masking() {
    }

    /** {@code 320202199001011234} becomes {@code 3202**********1234}. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code 13912345678} becomes {@code 139****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /**
     * A bank or card account: only the last four characters stay, {@code 6222020302012345678}
     * becomes {@code ***************5678}.
     *
     * @since 1.1
     */
    public static String bankAccount(String account) {
        if (account == null || account.length() <= 4) {
            return account == null ? null : "*".repeat(account.length());
        }
        return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }

    /** A person's name: {@code 王小明} becomes {@code 王**}. */
    public static String name(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }
}
