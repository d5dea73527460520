package org.unionportal.hardshipaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.hardshipaid.internal.store.DocumentStore;
import org.unionportal.hardshipaid.internal.store.DocumentStore.OldContent;

/**
 * Copies the household documents this module kept itself ({@code HA_DOCUMENT}, before the portal had attachments) into
 * the portal's attachments with their names, uploaders and times, and marks each old row with its attachment: a few per
 * transaction, so a document is either not yet copied (and served from the old row) or copied and marked, never both
 * listed and never lost. The old rows keep their content (a later release may drop the table).
 *
 * <p>It runs once per start on a thread of its own, so nothing waits for it: until a row is marked, the household's
 * list shows it from the old table. Once every row is marked it finds nothing to do. Two portals starting at once on
 * one database do not copy a row twice: each row is claimed under its lock ({@link DocumentStore#claim}).
 */
@Component(immediate = true)
public class DocumentHandover {
    static final int CHUNK = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentHandover.class);

    private final ExecutorService worker;
    private volatile boolean stopped;

    /** What one run did. */
    record Outcome(int moved, int refused) {
    }

    @Activate
    public DocumentHandover(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
            @Reference Attachments attachments) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hardship-aid-document-handover");
            t.setDaemon(true);
            return t;
        });
        worker.execute(() -> {
            try {
                Outcome outcome = run(db, attachments, () -> stopped);
                if (outcome.moved() > 0 || outcome.refused() > 0) {
                    LOG.info("Hardship aid: handed {} household documents over to the portal's attachments ({} refused, kept in HA_DOCUMENT)",
                            outcome.moved(), outcome.refused());
                }
            } catch (RuntimeException e) {
                // the old rows stay readable; the next start tries again
                LOG.warn("Hardship aid: handing the household documents over stopped; the next start goes on", e);
            }
        });
    }

    @Deactivate
    void stop() {
        // no interrupt: a JDBC call is let finish (Derby takes interrupts badly); the loop stops between chunks
        stopped = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Hardship aid: the document handover did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands every old document over, a chunk per transaction, until none is left or {@code stop} says so. */
    static Outcome run(PortalDatabase db, Attachments attachments, BooleanSupplier stop) {
        int moved = 0;
        int refused = 0;
        long after = 0;
        while (!stop.getAsBoolean()) {
            long from = after;
            Chunk chunk = db.inTransaction(c -> moveChunk(c, attachments, from, CHUNK));
            moved += chunk.moved();
            refused += chunk.refused();
            if (chunk.seen() < CHUNK) {
                break;
            }
            after = chunk.lastId();
        }
        return new Outcome(moved, refused);
    }

    /** One chunk: how many rows were read, moved and refused, and the last id read. */
    record Chunk(int seen, int moved, int refused, long lastId) {
    }

    static Chunk moveChunk(Connection c, Attachments attachments, long afterId, int limit) throws SQLException {
        List<OldContent> rows = DocumentStore.nextToHandOver(c, afterId, limit);
        int moved = 0;
        int refused = 0;
        long last = afterId;
        for (OldContent row : rows) {
            DocumentStore.Old d = row.document();
            last = d.id();
            if (!DocumentStore.claim(c, d.id())) {
                continue; // another portal has just handed it over
            }
            try {
                Attachment a = attachments.add(c, HouseholdService.documentsOf(d.householdId()), d.fileName(), row.content(),
                        d.uploadedBy(), d.uploadedAt());
                DocumentStore.handedOver(c, d.id(), a.id());
                moved++;
            } catch (ProblemException e) {
                // content the attachments refuse (it passed this module's older checks): it stays in the old table, served
                // from there; the attachments checked before writing anything, so the transaction is intact
                DocumentStore.unclaim(c, d.id());
                LOG.warn("Hardship aid: household {} document {} ({}) stays in HA_DOCUMENT: {}", d.householdId(), d.id(), d.fileName(),
                        e.code());
                refused++;
            }
        }
        return new Chunk(rows.size(), moved, refused, last);
    }
}
