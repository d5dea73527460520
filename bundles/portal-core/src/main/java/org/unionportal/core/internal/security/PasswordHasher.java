package org.unionportal.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2 with HMAC-SHA256 from the JDK (no extra bundle needed),
 * stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. The work factor is OWASP's for
 * PBKDF2-HMAC-SHA256 (600,000); a hash stored with fewer iterations still verifies and is replaced
 * on the next successful sign-in ({@link #needsRehash}).
 */
public final class PasswordHasher {
    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /** A hash with another work factor: for tests of hashes stored before the factor grew. */
    static String hash(String password, int iterations) {
        byte[] salt = randomBytes(16);
        return format(iterations, salt, derive(password, salt, iterations));
    }

    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a stored hash was made with another work factor (or form) and should be made again. */
    public static boolean needsRehash(String stored) {
        if (stored == null) {
            return true;
        }
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !PREFIX.equals(parts[0]) || !Integer.toString(ITERATIONS).equals(parts[1]);
    }

    /** A hash of a random password, so a missing user costs as much time as a wrong password. */
    public static String dummyHash() {
        return DUMMY;
    }

    /**
     * Random bytes in the place of the derived key: verifying against it costs a full derivation like any stored
     * hash and never succeeds, and making it costs nothing (a real hash here cost a 600,000-iteration derivation in
     * the first sign-in after every start, on the start-up's cold JIT).
     */
    private static final String DUMMY = format(ITERATIONS, randomBytes(16), randomBytes(32));

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
