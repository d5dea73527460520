package org.unionportal.api.attachment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's attachment store, an OSGi service. Every method runs on the caller's connection, inside the
 * caller's transaction ({@code PortalDatabase.inTransaction}): an attachment added by a change that is rolled
 * back does not exist, and a record and its documents can be written together.
 *
 * <p><b>Contract:</b> the portal does not know who may see a module's record. Before any call the module
 * checks that the caller may see {@code owner} (and answers 404 when not); the methods then only ever
 * touch that owner's attachments, so an attachment id of another owner is simply not found.
 *
 * <p>The content is kept in the portal database (one table of its own), so it is backed up, replicated and
 * rolled back with the records it belongs to.
 */
@ProviderType
public interface Attachments {

    /**
     * Checks and keeps an uploaded document.
     *
     * @param fileName the name the client sent (made safe here)
     * @param content  the bytes; must be PDF, JPEG or PNG by their first bytes, at most
     *                 {@link org.unionportal.api.web.UploadedFiles#MAX_BYTES}
     * @param uploadedBy the caller's username
     * @throws org.unionportal.api.rest.ProblemException 400 {@code attachment_empty}, 413
     *         {@code attachment_too_large} or 415 {@code attachment_type_not_allowed}
     */
    Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy) throws SQLException;

    /**
     * Like {@link #add} with the original upload time, for a module moving the documents it kept itself
     * onto this service (the checks are the same).
     */
    Attachment add(Connection c, AttachmentOwner owner, String fileName, byte[] content, String uploadedBy, Instant uploadedAt)
            throws SQLException;

    /** The owner's attachments, oldest first. */
    List<Attachment> list(Connection c, AttachmentOwner owner) throws SQLException;

    /** One attachment of the owner with its content; empty when the id is not one of the owner's. */
    Optional<AttachmentContent> read(Connection c, AttachmentOwner owner, long attachmentId) throws SQLException;

    /** Deletes one attachment of the owner; false when the id is not one of the owner's. */
    boolean delete(Connection c, AttachmentOwner owner, long attachmentId) throws SQLException;

    /** Deletes every attachment of the owner (when the module deletes the record); answers how many. */
    int deleteAll(Connection c, AttachmentOwner owner) throws SQLException;

    /** How many attachments the owner has. */
    long count(Connection c, AttachmentOwner owner) throws SQLException;
}
