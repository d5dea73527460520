package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.web.UploadedFiles;

/**
 * For modules' unit tests (this bundle's test-jar, with {@link ModuleTestDatabase}): the portal's attachment store as the
 * module sees it, in memory, with the portal's checks and codes (the portal's own
 * tests cover the real one). Not transactional: a test that rolls back sees what was added.
 */
public final class FakeAttachments implements Attachments {
    public final List<AttachmentContent> stored = new ArrayList<>();
    private long lastId;

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy) {
        return add(c, owner, fileName, content, uploadedBy, Instant.now());
    }

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy, Instant at) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("attachment_empty", Text.of("上传的文件是空的。", "The uploaded file is empty."));
        }
        if (content.length > UploadedFiles.MAX_BYTES) {
            throw new ProblemException(413, "attachment_too_large", Text.of("文件太大。", "Too large."));
        }
        String type = UploadedFiles.documentType(content).orElseThrow(() -> new ProblemException(415, "attachment_type_not_allowed",
                Text.of("只能上传 PDF、JPEG 或 PNG 文件。", "Only PDF, JPEG or PNG documents can be uploaded.")));
        Attachment a = new Attachment(++lastId, owner, UploadedFiles.safeName(fileName, type), type, content.length,
                UploadedFiles.sha256(content), uploadedBy, at);
        stored.add(new AttachmentContent(a, content));
        return a;
    }

    @Override
    public List<Attachment> list(Connection c, AttachmentOwner owner) {
        return stored.stream().map(AttachmentContent::attachment).filter(a -> a.owner().equals(owner)).toList();
    }

    @Override
    public Optional<AttachmentContent> read(Connection c, AttachmentOwner owner, long id) {
        return stored.stream().filter(s -> s.attachment().owner().equals(owner) && s.attachment().id() == id).findFirst();
    }

    @Override
    public boolean delete(Connection c, AttachmentOwner owner, long id) {
        return stored.removeIf(s -> s.attachment().owner().equals(owner) && s.attachment().id() == id);
    }

    @Override
    public int deleteAll(Connection c, AttachmentOwner owner) {
        int before = stored.size();
        stored.removeIf(s -> s.attachment().owner().equals(owner));
        return before - stored.size();
    }

    @Override
    public long count(Connection c, AttachmentOwner owner) {
        return list(c, owner).size();
    }
}
