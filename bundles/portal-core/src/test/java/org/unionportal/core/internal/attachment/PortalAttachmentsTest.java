package org.unionportal.core.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.web.UploadedFiles;
import org.unionportal.persistence.internal.ModuleTestDatabase;

class PortalAttachmentsTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    final AttachmentOwner claim5 = AttachmentOwner.of("mutual-aid", "claim", 5);
    final AttachmentOwner claim6 = AttachmentOwner.of("mutual-aid", "claim", 6);
    final AttachmentOwner household5 = AttachmentOwner.of("hardship-aid", "household", 5);

    @TempDir
    Path dir;
    ModuleTestDatabase db;
    final PortalAttachments attachments = new PortalAttachments();

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    @Test
    void keepsTheBytesWithTheirRealTypeASafeNameAndTheirFingerprint() {
        Attachment a = db.inTransaction(c -> attachments.add(c, claim5, "C:\\scans\\发票<1>.pdf", PDF, "operator"));
        assertEquals("发票1.pdf", a.fileName());
        assertEquals("application/pdf", a.contentType());
        assertEquals(PDF.length, a.sizeBytes());
        assertEquals(UploadedFiles.sha256(PDF), a.sha256());

        AttachmentContent read = db.read(c -> attachments.read(c, claim5, a.id())).orElseThrow();
        assertArrayEquals(PDF, read.content());
        assertEquals(a, read.attachment());
        assertEquals(List.of(a.id()), db.read(c -> attachments.list(c, claim5)).stream().map(Attachment::id).toList());
    }

    @Test
    void anotherOwnersAttachmentIsNeitherReadNorDeleted() {
        long id = db.inTransaction(c -> attachments.add(c, claim5, "a.png", PNG, "operator")).id();
        assertTrue(db.<Boolean>read(c -> attachments.read(c, claim6, id).isEmpty()));
        assertTrue(db.<Boolean>read(c -> attachments.read(c, household5, id).isEmpty()), "same owner id, another module");
        assertFalse(db.<Boolean>inTransaction(c -> attachments.delete(c, claim6, id)));
        assertTrue(db.<Boolean>read(c -> attachments.list(c, claim6).isEmpty()));
        assertEquals(1L, (long) db.read(c -> attachments.count(c, claim5)));

        assertTrue(db.<Boolean>inTransaction(c -> attachments.delete(c, claim5, id)));
        assertTrue(db.<Boolean>read(c -> attachments.read(c, claim5, id).isEmpty()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_ATTACHMENT_CONTENT"), "the content goes with it");
    }

    @Test
    void anAttachmentAddedByARolledBackChangeDoesNotExist() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            attachments.add(c, claim5, "a.pdf", PDF, "operator");
            throw new IllegalStateException("the claim could not be saved");
        }));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_ATTACHMENT"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_ATTACHMENT_CONTENT"));
    }

    @Test
    void refusesEmptyTooLargeAndUnknownContentWithStableCodes() {
        assertEquals("attachment_empty", problem(new byte[0]).code());
        ProblemException tooLarge = problem(Arrays.copyOf(PDF, UploadedFiles.MAX_BYTES + 1));
        assertEquals(413, tooLarge.status());
        assertEquals("attachment_too_large", tooLarge.code());
        ProblemException html = problem("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, html.status());
        assertEquals("attachment_type_not_allowed", html.code());
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_ATTACHMENT"));
    }

    @Test
    void deletesAllOfAnOwner() {
        db.inTransaction(c -> {
            attachments.add(c, claim5, "a.pdf", PDF, "operator");
            attachments.add(c, claim5, "b.png", PNG, "operator");
            attachments.add(c, claim6, "c.pdf", PDF, "operator");
            return null;
        });
        assertEquals(2, (int) db.inTransaction(c -> attachments.deleteAll(c, claim5)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM PORTAL_ATTACHMENT_CONTENT"));
    }

    private ProblemException problem(byte[] content) {
        try {
            db.inTransaction(c -> attachments.add(c, claim5, "x.pdf", content, "operator"));
        } catch (ProblemException e) {
            return e;
        } catch (DataAccessException e) {
            throw new AssertionError("a problem, not a database failure", e);
        }
        throw new AssertionError("accepted");
    }
}
