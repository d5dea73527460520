package org.unionportal.api.attachment;

import java.time.Instant;

/**
 * One attachment's description (without its content).
 *
 * @param id          the portal-wide id
 * @param owner       the record it belongs to
 * @param fileName    a safe file name ({@link org.unionportal.api.web.UploadedFiles#safeName})
 * @param contentType what the bytes are: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param sizeBytes   its size
 * @param sha256      hex SHA-256 of the content
 * @param uploadedBy  the username of who added it
 * @param uploadedAt  when
 */
public record Attachment(long id, AttachmentOwner owner, String fileName, String contentType, long sizeBytes,
                         String sha256, String uploadedBy, Instant uploadedAt) {
}
