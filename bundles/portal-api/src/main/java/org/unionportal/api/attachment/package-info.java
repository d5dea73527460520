/**
 * Attachments (附件): documents people upload to a module's record (a claim's invoices, a household's
 * certificates), kept by the portal for every module in one place.
 *
 * <p>An attachment belongs to an {@link org.unionportal.api.attachment.AttachmentOwner}: the module, the
 * type of its record and the record's id. The portal checks the bytes (PDF, JPEG or PNG by their first
 * bytes, at most {@link org.unionportal.api.web.UploadedFiles#MAX_BYTES}), keeps a SHA-256 and a safe file
 * name. It does not know who may see a module's record: <b>the module checks that the caller may see the
 * owner before it adds, lists, reads or deletes</b> (the record exists, is in the caller's subtree, and the
 * caller's role may see it; otherwise it answers 404), so a download goes only to those who may see the
 * owner.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.attachment;
