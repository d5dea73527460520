package org.unionportal.api.approval;

import java.util.Locale;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;

/**
 * Maker-checker: a step that moves money is approved by someone other than the person who made it. The problem
 * is always {@code 403 second_person_needed}, in the caller's language.
 * <pre>
 * SecondPerson.require(SecondPerson.required(config.payouts_secondPerson(), demo.enabled()), batch.createdBy(), user,
 *         Text.of("支付批次须由另一位工作人员审批", "Someone other than the maker approves the batch"));
 * </pre>
 */
public final class SecondPerson {
    /** The problem's code. */
    public static final String CODE = "second_person_needed";

    private SecondPerson() {
    }

    /**
     * Whether the rule holds, from a module's setting: {@code on}/{@code true} or {@code off}/{@code false}; anything
     * else ({@code auto}, blank) means on outside demo mode and off in it, where one person tries every step alone.
     */
    public static boolean required(String setting, boolean demo) {
        String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> !demo;
        };
    }

    /** Whether {@code checker} is someone other than {@code maker} (user names compare exactly). */
    public static boolean isSecondPerson(String maker, PortalUser checker) {
        return maker == null || !maker.equals(checker.username());
    }

    /** 403 {@value #CODE} with {@code message} when the rule holds and the checker made the step. */
    public static void require(boolean required, String maker, PortalUser checker, Text message) {
        if (required && !isSecondPerson(maker, checker)) {
            throw ProblemException.forbidden(CODE, message);
        }
    }
}
