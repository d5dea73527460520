package org.unionportal.core.internal.attachment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.web.UploadedFiles;

/**
 * The attachment store on {@code PORTAL_ATTACHMENT} (descriptions) and {@code PORTAL_ATTACHMENT_CONTENT}
 * (bytes). Content lives in the database rather than in files under the data folder: it commits and rolls
 * back with the record it belongs to, is backed up with it, and several portal processes on one database
 * share it; the only difference a PostgreSQL port meets is the content column's type (BLOB / BYTEA), which
 * JDBC's setBytes/getBytes read and write alike.
 */
@Component(service = Attachments.class)
public class PortalAttachments implements Attachments {
    private static final String COLUMNS = "ID, MODULE, OWNER_TYPE, OWNER_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, "
            + "UPLOADED_BY, UPLOADED_AT";
    private static final String OF_OWNER = " WHERE MODULE = ? AND OWNER_TYPE = ? AND OWNER_ID = ?";

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy)
            throws SQLException {
        return add(c, owner, fileName, content, uploadedBy, Instant.now());
    }

    @Override
    public Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy,
                          Instant uploadedAt) throws SQLException {
        String type = check(content);
        String name = UploadedFiles.safeName(fileName, type);
        String sha = UploadedFiles.sha256(content);
        String by = uploadedBy == null || uploadedBy.isBlank() ? "?" : cut(uploadedBy, 100);
        // to the microsecond that PostgreSQL keeps (Derby keeps nanoseconds), so the answer equals what is read back
        Instant at = (uploadedAt == null ? Instant.now() : uploadedAt).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id = Jdbc.insert(c, "INSERT INTO PORTAL_ATTACHMENT (MODULE, OWNER_TYPE, OWNER_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, "
                        + "SHA256, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                owner.module(), owner.type(), owner.id(), name, type, (long) content.length, sha, by, Timestamp.from(at));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO PORTAL_ATTACHMENT_CONTENT (ATTACHMENT_ID, CONTENT) VALUES (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, content);
            ps.executeUpdate();
        }
        return new Attachment(id, owner, name, type, content.length, sha, by, at);
    }

    /** The content type the bytes really are; a problem for empty, too large or unknown content. */
    static String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("attachment_empty", Text.of("上传的文件是空的。", "The uploaded file is empty."));
        }
        if (content.length > UploadedFiles.MAX_BYTES) {
            long mb = UploadedFiles.MAX_BYTES / (1024 * 1024);
            throw new ProblemException(413, "attachment_too_large",
                    Text.of("文件不能超过 " + mb + " MB。", "A document may be at most " + mb + " MB."));
        }
        return UploadedFiles.documentType(content).orElseThrow(() -> new ProblemException(415, "attachment_type_not_allowed",
                Text.of("只能上传 PDF、JPEG 或 PNG 文件。", "Only PDF, JPEG or PNG documents can be uploaded.")));
    }

    @Override
    public List<Attachment> list(Connection c, AttachmentOwner owner) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM PORTAL_ATTACHMENT" + OF_OWNER + " ORDER BY ID",
                PortalAttachments::map, owner.module(), owner.type(), owner.id());
    }

    @Override
    public Optional<AttachmentContent> read(Connection c, AttachmentOwner owner, long attachmentId) throws SQLException {
        Optional<Attachment> found = Jdbc.one(c, "SELECT " + COLUMNS + " FROM PORTAL_ATTACHMENT" + OF_OWNER + " AND ID = ?",
                PortalAttachments::map, owner.module(), owner.type(), owner.id(), attachmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT CONTENT FROM PORTAL_ATTACHMENT_CONTENT WHERE ATTACHMENT_ID = ?",
                attachmentId); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new AttachmentContent(found.get(), rs.getBytes(1))) : Optional.empty();
        }
    }

    @Override
    public boolean delete(Connection c, AttachmentOwner owner, long attachmentId) throws SQLException {
        // the content row goes with it (ON DELETE CASCADE)
        return Jdbc.update(c, "DELETE FROM PORTAL_ATTACHMENT" + OF_OWNER + " AND ID = ?",
                owner.module(), owner.type(), owner.id(), attachmentId) == 1;
    }

    @Override
    public int deleteAll(Connection c, AttachmentOwner owner) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_ATTACHMENT" + OF_OWNER, owner.module(), owner.type(), owner.id());
    }

    @Override
    public long count(Connection c, AttachmentOwner owner) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_ATTACHMENT" + OF_OWNER, owner.module(), owner.type(), owner.id());
    }

    private static Attachment map(ResultSet rs) throws SQLException {
        return new Attachment(rs.getLong("ID"), new AttachmentOwner(rs.getString("MODULE"), rs.getString("OWNER_TYPE"),
                rs.getLong("OWNER_ID")), rs.getString("FILE_NAME"), rs.getString("CONTENT_TYPE"), rs.getLong("SIZE_BYTES"),
                rs.getString("SHA256"), rs.getString("UPLOADED_BY"), rs.getTimestamp("UPLOADED_AT").toInstant());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
