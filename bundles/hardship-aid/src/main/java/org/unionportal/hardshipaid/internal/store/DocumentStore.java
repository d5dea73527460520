package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/**
 * The household documents this module kept itself ({@code HA_DOCUMENT}) before the portal had attachments. Nothing
 * new is written here: each row is handed over to the attachments once and marked with the attachment's id
 * ({@code ATTACHMENT_ID}); until then it is listed and served from here.
 */
public final class DocumentStore {
    private DocumentStore() {
    }

    /** One old document, without its content. */
    public record Old(long id, long householdId, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt, Long attachmentId) {
    }

    /** An old document with its content. */
    public record OldContent(Old document, byte[] content) {
    }

    private static final String COLUMNS = "ID, HOUSEHOLD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, UPLOADED_BY, UPLOADED_AT, ATTACHMENT_ID";

    /** The household's old documents not yet handed over, oldest first. */
    public static List<Old> notHandedOver(Connection c, long householdId) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM HA_DOCUMENT WHERE HOUSEHOLD_ID = ? AND ATTACHMENT_ID IS NULL ORDER BY ID",
                DocumentStore::old, householdId);
    }

    /** The next old documents not yet handed over after {@code afterId}, in id order, with their content. */
    public static List<OldContent> nextToHandOver(Connection c, long afterId, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + ", CONTENT FROM HA_DOCUMENT WHERE ID > ? AND ATTACHMENT_ID IS NULL ORDER BY ID "
                + "OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY", rs -> new OldContent(old(rs), rs.getBytes(10)), afterId, limit);
    }

    /** One old document of the household, whether handed over or not, with its content. */
    public static Optional<OldContent> read(Connection c, long householdId, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + ", CONTENT FROM HA_DOCUMENT WHERE ID = ? AND HOUSEHOLD_ID = ?",
                rs -> new OldContent(old(rs), rs.getBytes(10)), id, householdId);
    }

    /**
     * Claims an old document for the handover: marks it (0, inside the caller's transaction) unless it is marked already,
     * and so holds its row lock until the transaction ends. A second portal handing over at the same time waits, then
     * finds it marked and leaves it.
     */
    public static boolean claim(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE HA_DOCUMENT SET ATTACHMENT_ID = 0 WHERE ID = ? AND ATTACHMENT_ID IS NULL", id) == 1;
    }

    /** Gives a claimed document back (the attachments refused its content): it stays served from here. */
    public static void unclaim(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_DOCUMENT SET ATTACHMENT_ID = NULL WHERE ID = ?", id);
    }

    /** Marks an old document as held by the attachment. */
    public static void handedOver(Connection c, long id, long attachmentId) throws SQLException {
        Jdbc.update(c, "UPDATE HA_DOCUMENT SET ATTACHMENT_ID = ? WHERE ID = ?", attachmentId, id);
    }

    /**
     * Locks the old document's row for the rest of the transaction (a handover copying it finishes first, and what is
     * read next is what it left); false when the household has no such document.
     */
    public static boolean lock(Connection c, long householdId, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE HA_DOCUMENT SET ATTACHMENT_ID = ATTACHMENT_ID WHERE ID = ? AND HOUSEHOLD_ID = ?", id, householdId) == 1;
    }

    /** Deletes the old document of the household; false when there is none with this id. */
    public static boolean delete(Connection c, long householdId, long id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM HA_DOCUMENT WHERE ID = ? AND HOUSEHOLD_ID = ?", id, householdId) == 1;
    }

    /** Deletes the old copy of a handed-over document (when its attachment is deleted, the copy goes too). */
    public static void deleteCopyOf(Connection c, long householdId, long attachmentId) throws SQLException {
        Jdbc.update(c, "DELETE FROM HA_DOCUMENT WHERE HOUSEHOLD_ID = ? AND ATTACHMENT_ID = ?", householdId, attachmentId);
    }

    /** How many old documents are not handed over yet. */
    public static long countNotHandedOver(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_DOCUMENT WHERE ATTACHMENT_ID IS NULL");
    }

    private static Old old(java.sql.ResultSet rs) throws SQLException {
        long attachment = rs.getLong(9);
        return new Old(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.wasNull() ? null : attachment);
    }
}
