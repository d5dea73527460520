package org.unionportal.mutualaid.internal.rest;

import org.unionportal.mutualaid.internal.service.ClaimDocuments;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;

/**
 * Moves the claim documents this module kept itself ({@code MA_DOCUMENT}, before the portal had attachments) to
 * the portal's attachment service with their names, uploaders and times, and deletes them here: a few per
 * transaction, so each document is in exactly one place at any time. It runs at activation and the claims
 * resource waits for it (it references this component), so no one sees a half-moved list; once the table is
 * empty it does nothing. Existing installations keep every document.
 */
@Component(service = DocumentHandover.class)
public class DocumentHandover {
    static final int CHUNK = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentHandover.class);

    @Activate
    public DocumentHandover(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db,
                            @Reference Attachments attachments) {
        int moved = run(db, attachments);
        if (moved > 0) {
            LOG.info("Mutual aid: moved {} claim documents to the portal's attachments", moved);
        }
    }

    static int run(PortalDatabase db, Attachments attachments) {
        int moved = 0;
        while (true) {
            int chunk = db.inTransaction(c -> moveChunk(c, attachments, CHUNK));
            moved += chunk;
            if (chunk < CHUNK) {
                return moved;
            }
        }
    }

    static int moveChunk(Connection c, Attachments attachments, int limit) throws SQLException {
        record Old(long id, long claimId, String fileName, byte[] content, String uploadedBy, Timestamp uploadedAt) {
        }
        List<Old> rows = Jdbc.list(c, "SELECT ID, CLAIM_ID, FILE_NAME, CONTENT, UPLOADED_BY, UPLOADED_AT FROM MA_DOCUMENT "
                + "ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY", rs -> new Old(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getBytes(4), rs.getString(5), rs.getTimestamp(6)));
        for (Old d : rows) {
            attachments.add(c, ClaimDocuments.of(d.claimId()), d.fileName(), d.content(), d.uploadedBy(),
                    d.uploadedAt().toInstant());
            Jdbc.update(c, "DELETE FROM MA_DOCUMENT WHERE ID = ?", d.id());
        }
        return rows.size();
    }
}
