package org.unionportal.mutualaid.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.web.UploadedFiles;

/** Supporting documents of claims: type checks on the bytes themselves, safe names, storage. */
final class Documents {
    private Documents() {
    }

    record Content(String fileName, String contentType, byte[] bytes) {
    }

    static Optional<String> contentType(byte[] b) {
        return UploadedFiles.documentType(b);
    }

    static String safeName(String fileName, String contentType) {
        return UploadedFiles.safeName(fileName, contentType);
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
        return UploadedFiles.sha256(content);
    }

}
