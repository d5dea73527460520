package org.unionportal.api.notification;

import java.util.Objects;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;

/**
 * A message to queue.
 *
 * @param module    the queuing module's id, e.g. {@code mutual-aid} (at most 40 characters); de-duplication
 *                  keys are per module
 * @param kind      what it is about, e.g. {@code PAYMENT_MADE} (at most 30 characters)
 * @param dedupKey  names the event, e.g. {@code PAYMENT_MADE:claim:5} (at most 200 characters): a second
 *                  message with the same module and key is not queued
 * @param recipient who it goes to
 * @param orgPath   the organisation path of the record it is about, so that administrators of that subtree
 *                  see it in the outbox
 * @param text      the complete text in both languages (each at most 500 characters, longer is cut)
 * @param language  the language it is sent in (Chinese unless the recipient reads English)
 */
public record Notification(String module, String kind, String dedupKey, Recipient recipient, String orgPath, Text text,
                           Language language) {
    public static final int MAX_KIND = 30;
    public static final int MAX_KEY = 200;
    public static final int MAX_TEXT = 500;

    public Notification {
        require(module, 40, "module");
        require(kind, MAX_KIND, "kind");
        require(dedupKey, MAX_KEY, "dedupKey");
        Objects.requireNonNull(recipient, "recipient");
        require(orgPath, 400, "orgPath");
        Objects.requireNonNull(text, "text");
        if (text.zh().isBlank() || text.en().isBlank()) {
            throw new IllegalArgumentException("A notification needs its text");
        }
        language = language == null ? Language.ZH : language;
    }

    /** A message sent in Chinese. */
    public static Notification of(String module, String kind, String dedupKey, Recipient recipient, String orgPath, Text text) {
        return new Notification(module, kind, dedupKey, recipient, orgPath, text, Language.ZH);
    }

    /** The parts joined with {@code ':'}: {@code dedupKey("PAYMENT_MADE", "claim", 5)} is {@code "PAYMENT_MADE:claim:5"}. */
    public static String dedupKey(String kind, Object... parts) {
        StringBuilder key = new StringBuilder(kind);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    private static void require(String value, int max, String name) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters: " + value);
        }
    }
}
