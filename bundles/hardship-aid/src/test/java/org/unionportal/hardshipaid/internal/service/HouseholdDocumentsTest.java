package org.unionportal.hardshipaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT2;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.OPERATOR;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.TODAY;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.form;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.export.Download;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.persistence.internal.FakeAttachments;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Household documents on the portal's attachments, and the documents of the module's old table handed over to them. */
class HouseholdDocumentsTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    private static final Instant LONG_AGO = Instant.parse("2025-03-01T02:00:00Z");

    @TempDir
    Path dir;

    private ModuleTestDatabase db;
    private FakeAttachments attachments;
    private HouseholdService households;

    @BeforeEach
    void services() {
        db = ModuleTestDatabase.create(dir, "hardship-aid");
        attachments = new FakeAttachments();
        households = new HouseholdService(db, new HardshipServicesTest.Tree(), PortalTime.fixedAt(TODAY));
        households.audit = (c, e) -> { };
        households.attachments = attachments;
    }

    private long oldDocument(long householdId, String name, byte[] content) {
        return db.inTransaction(c -> Jdbc.insert(c, "INSERT INTO HA_DOCUMENT (HOUSEHOLD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, "
                + "CONTENT, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", householdId, name, "application/pdf",
                (long) content.length, UploadedFiles.sha256(content), content, "operator", Timestamp.from(LONG_AGO)));
    }

    private static byte[] bytes(Download d) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            d.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Long> ids(List<Map<String, Object>> documents) {
        return documents.stream().map(d -> ((Number) d.get("id")).longValue()).toList();
    }

    @Test
    void documentsAreUploadedListedDownloadedAndDeletedWhileTheHouseholdMayBeChanged() {
        long id = households.file(OPERATOR, form(1)).household().id();
        Map<String, Object> doc = households.upload(OPERATOR, id, "户口本.png", PNG);
        long docId = ((Number) doc.get("id")).longValue();
        assertEquals("image/png", doc.get("contentType"));
        assertEquals(List.of(docId), ids(households.documents(OPERATOR, id)));
        assertEquals(List.of(docId), ids(households.get(DISTRICT, id).documents()), "the detail lists the same documents");
        Download file = households.document(DISTRICT, id, docId);
        assertTrue(file.personal());
        assertEquals("户口本.png", file.fileName());
        assertEquals(415, assertThrows(ProblemException.class, () -> households.upload(OPERATOR, id, "x.pdf",
                "<html>".getBytes(StandardCharsets.US_ASCII))).status());
        assertEquals("household_not_found", assertThrows(ProblemException.class, () -> households.documents(DISTRICT2, id)).code());
        assertEquals("household_not_found", assertThrows(ProblemException.class, () -> households.document(DISTRICT2, id, docId)).code());
        assertEquals("document_not_found", assertThrows(ProblemException.class, () -> households.document(DISTRICT, id, docId + 1)).code());

        long second = ((Number) households.upload(OPERATOR, id, "收入证明.pdf", PDF).get("id")).longValue();
        households.deleteDocument(OPERATOR, id, docId);
        assertEquals(List.of(second), ids(households.documents(OPERATOR, id)));
        assertEquals("document_not_found", assertThrows(ProblemException.class, () -> households.deleteDocument(OPERATOR, id, docId)).code());

        households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        ProblemException kept = assertThrows(ProblemException.class, () -> households.deleteDocument(OPERATOR, id, second));
        assertEquals(409, kept.status());
        assertEquals("document_not_deletable", kept.code());
        households.deleteDocument(DISTRICT, id, second);
        assertEquals(List.of(), households.documents(DISTRICT, id));
        assertEquals(List.of("FILE", "DOCUMENT", "DOCUMENT", "DOCUMENT_DELETED", "APPROVE", "DOCUMENT_DELETED"),
                households.get(DISTRICT, id).history().stream().map(h -> h.action()).toList());
    }

    @Test
    void oldDocumentsAreServedUntilHandedOverThenMovedOnceAndKept() {
        long id = households.file(OPERATOR, form(2)).household().id();
        long pdf = oldDocument(id, "诊断证明.pdf", PDF);
        long broken = oldDocument(id, "损坏.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII));

        // before the handover: listed and served from the old table, with negated ids
        assertEquals(List.of(-pdf, -broken), ids(households.documents(DISTRICT, id)));
        assertArrayEquals(PDF, bytes(households.document(DISTRICT, id, -pdf)));

        DocumentHandover.Outcome first = DocumentHandover.run(db, attachments, () -> false);
        assertEquals(new DocumentHandover.Outcome(1, 1), first);
        List<Map<String, Object>> listed = households.documents(DISTRICT, id);
        long attachmentId = ((Number) listed.get(0).get("id")).longValue();
        assertEquals(List.of(attachmentId, -broken), ids(listed), "the refused one stays served from the old table");
        assertTrue(attachmentId > 0);
        assertEquals("诊断证明.pdf", listed.get(0).get("fileName"));
        assertEquals("operator", listed.get(0).get("uploadedBy"));
        assertEquals(LONG_AGO.toString(), listed.get(0).get("uploadedAt"), "the original upload time");
        assertArrayEquals(PDF, bytes(households.document(DISTRICT, id, attachmentId)));
        assertArrayEquals(PDF, bytes(households.document(DISTRICT, id, -pdf)), "an old link still works");

        // every start runs it again: nothing is copied twice, and the old rows are kept, marked
        assertEquals(new DocumentHandover.Outcome(0, 1), DocumentHandover.run(db, attachments, () -> false));
        assertEquals(1, attachments.stored.size());
        assertEquals(2, db.count("SELECT COUNT(*) FROM HA_DOCUMENT"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM HA_DOCUMENT WHERE ATTACHMENT_ID = ?", attachmentId));

        // deleting a handed-over document deletes its old copy too
        households.deleteDocument(OPERATOR, id, attachmentId);
        assertEquals(List.of(-broken), ids(households.documents(DISTRICT, id)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM HA_DOCUMENT"));
        households.deleteDocument(OPERATOR, id, -broken);
        assertEquals(0, db.count("SELECT COUNT(*) FROM HA_DOCUMENT"));
    }

    @Test
    void theHandoverGoesChunkByChunkAndStopsWhenTold() {
        long id = households.file(OPERATOR, form(3)).household().id();
        int many = DocumentHandover.CHUNK * 2 + 3;
        for (int i = 0; i < many; i++) {
            oldDocument(id, "材料" + i + ".pdf", PDF);
        }
        assertEquals(new DocumentHandover.Outcome(0, 0), DocumentHandover.run(db, attachments, () -> true));
        assertEquals(many, ids(households.documents(DISTRICT, id)).stream().filter(d -> d < 0).count());
        assertEquals(new DocumentHandover.Outcome(many, 0), DocumentHandover.run(db, attachments, () -> false));
        List<Long> after = ids(households.documents(DISTRICT, id));
        assertEquals(many, after.size());
        assertTrue(after.stream().allMatch(d -> d > 0), after::toString);
        assertEquals(0, db.count("SELECT COUNT(*) FROM HA_DOCUMENT WHERE ATTACHMENT_ID IS NULL"));
    }
}
