package org.unionportal.core.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.i18n.Text;

/**
 * What a new password must be (issue 14 item 10): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH}, not the username, and not one of the most common passwords (the list file next to this class).
 * Length, not character classes: a long passphrase beats "Aa1!" rules.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be used by {@code username}, or empty when it may. */
    public static Optional<Text> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Text.of("新密码至少需要 " + MIN_LENGTH + " 个字符。",
                    "The new password needs at least " + MIN_LENGTH + " characters."));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Text.of("新密码不能超过 " + MAX_LENGTH + " 个字符。",
                    "The new password may have at most " + MAX_LENGTH + " characters."));
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("新密码不能与用户名相同。", "The new password may not be the username."));
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            return Optional.of(Text.of("这个密码太常见，容易被猜中，请换一个。",
                    "This password is too common and easy to guess; choose another one."));
        }
        return Optional.empty();
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
