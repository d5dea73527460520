package org.unionportal.mutualaid.internal.testdb;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.web.UploadedFiles;

/** The portal's attachment store as the module sees it, in memory (the portal's own tests cover the real one). */
public final class FakeAttachments implements Attachments {
    public final List<AttachmentContent> stored = new ArrayList<>();

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy) {
        return add(c, owner, fileName, content, uploadedBy, Instant.now());
    }

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy, Instant at) {
        String type = UploadedFiles.documentType(content).orElseThrow();
        Attachment a = new Attachment(stored.size() + 1, owner, UploadedFiles.safeName(fileName, type), type, content.length,
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
