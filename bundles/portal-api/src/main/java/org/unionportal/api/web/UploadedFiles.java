package org.unionportal.api.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Supporting documents people upload (scans, photos, PDFs): the type the bytes really are, whatever the
 * request says, a file name safe to store and to send back, and a fingerprint.
 */
public final class UploadedFiles {
    /** The largest document the portal takes. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private UploadedFiles() {
    }

    /** PDF, JPEG or PNG by the first bytes; empty for anything else. */
    public static Optional<String> documentType(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b == null || b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last path segment of the name, without control or path characters, at most 120 characters. */
    public static String safeName(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        if (name.isEmpty() || name.startsWith(".")) {
            name = "document" + switch (contentType == null ? "" : contentType) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return name;
    }

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
