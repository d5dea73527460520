package org.unionportal.api.attachment;

/** An attachment with its bytes, for a download. */
public record AttachmentContent(Attachment attachment, byte[] content) {
}
