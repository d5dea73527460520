package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.web.UploadedFiles;

/** A household's documents (certificates, diagnoses): stored with their checked type and hash. */
public final class DocumentStore {
    private DocumentStore() {
    }

    /** A stored document's content. */
    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** Stores a document; returns its listing entry (as in the household's detail). */
    public static Map<String, Object> insert(Connection c, long householdId, String fileName, String contentType, byte[] content,
            String user, Instant at) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO HA_DOCUMENT (HOUSEHOLD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, CONTENT, "
                + "UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", householdId, fileName, contentType, (long) content.length,
                UploadedFiles.sha256(content), content, user, at);
        return Jdbc.one(c, "SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, UPLOADED_BY, UPLOADED_AT FROM HA_DOCUMENT WHERE ID = ?",
                HouseholdStore::document, id).orElseThrow();
    }

    public static Optional<Content> content(Connection c, long householdId, long documentId) throws SQLException {
        return Jdbc.one(c, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM HA_DOCUMENT WHERE ID = ? AND HOUSEHOLD_ID = ?",
                rs -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), documentId, householdId);
    }
}
