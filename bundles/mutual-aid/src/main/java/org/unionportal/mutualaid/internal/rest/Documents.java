package org.unionportal.mutualaid.internal.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/** Supporting documents of claims: type checks on the bytes themselves, safe names, storage. */
final class Documents {
    private Documents() {
    }

    record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** The type the bytes really are, whatever the request says: PDF, JPEG or PNG. */
    static Optional<String> contentType(byte[] b) {
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
        if (b.length < prefix.length) {
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
    static String safeName(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        if (name.isEmpty() || name.startsWith(".")) {
            name = "document" + switch (contentType) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return name;
    }

    static long insert(Connection c, long claimId, String name, String type, byte[] content, String user) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO MA_DOCUMENT (CLAIM_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, CONTENT, UPLOADED_BY, "
                + "UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", claimId, name, type, (long) content.length, sha256(content), content,
                user, Instant.now());
    }

    static List<Map<String, Object>> list(Connection c, long claimId) throws SQLException {
        return Jdbc.list(c, "SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, UPLOADED_BY, UPLOADED_AT FROM MA_DOCUMENT "
                + "WHERE CLAIM_ID = ? ORDER BY ID", rs -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", rs.getLong(1));
                    d.put("fileName", rs.getString(2));
                    d.put("contentType", rs.getString(3));
                    d.put("sizeBytes", rs.getLong(4));
                    d.put("sha256", rs.getString(5));
                    d.put("uploadedBy", rs.getString(6));
                    d.put("uploadedAt", rs.getTimestamp(7).toInstant().toString());
                    return d;
                }, claimId);
    }

    static Optional<Content> content(Connection c, long claimId, long docId) throws SQLException {
        return Jdbc.one(c, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM MA_DOCUMENT WHERE ID = ? AND CLAIM_ID = ?",
                rs -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), docId, claimId);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
