package org.unionportal.mutualaid.internal.rest;

import org.unionportal.mutualaid.internal.service.ClaimDocuments;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAttachments;

class DocumentHandoverTest {
    static final Instant THEN = Instant.parse("2025-03-01T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theDocumentsTheModuleKeptMoveToThePortalWithTheirClaimNameUploaderAndTime() {
        TestDatabase db = TestDatabase.create(dir);
        long plan = db.plan("WX-3IN1", "三合一");
        long chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
        long enrolment = db.enrolment(plan, "WX-3IN1", chen, "/1/2/5/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "ACTIVE");
        long claim = db.claim(enrolment, chen, "/1/2/5/", LocalDate.of(2025, 3, 1), "SUBMITTED");
        for (int i = 1; i <= DocumentHandover.CHUNK + 1; i++) {
            byte[] pdf = ("%PDF-1.4 invoice " + i).getBytes(StandardCharsets.US_ASCII);
            String name = "发票" + i + ".pdf";
            db.inTransaction(c -> Jdbc.update(c, "INSERT INTO MA_DOCUMENT (CLAIM_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, CONTENT, "
                    + "UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, 'application/pdf', ?, ?, ?, 'member', ?)", claim, name, (long) pdf.length,
                    UploadedFiles.sha256(pdf), pdf, THEN));
        }
        FakeAttachments attachments = new FakeAttachments();

        assertEquals(DocumentHandover.CHUNK + 1, DocumentHandover.run(db, attachments));
        assertEquals(0, DocumentHandover.run(db, attachments), "nothing left to move");
        assertEquals(0, db.count("SELECT COUNT(*) FROM MA_DOCUMENT"));
        Attachment first = attachments.stored.get(0).attachment();
        assertEquals(ClaimDocuments.of(claim), first.owner());
        assertEquals("发票1.pdf", first.fileName());
        assertEquals("member", first.uploadedBy());
        assertEquals(THEN, first.uploadedAt());
        assertArrayEquals("%PDF-1.4 invoice 1".getBytes(StandardCharsets.US_ASCII), attachments.stored.get(0).content());
        assertEquals(DocumentHandover.CHUNK + 1, attachments.list(null, ClaimDocuments.of(claim)).size());
    }
}
