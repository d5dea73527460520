package org.unionportal.api.attachment;

import java.util.Objects;

/**
 * The record an attachment belongs to.
 *
 * @param module the module id, e.g. {@code mutual-aid} (at most 40 characters)
 * @param type   the kind of record inside the module, e.g. {@code claim} (at most 40 characters)
 * @param id     the record's id
 */
public record AttachmentOwner(String module, String type, long id) {
    public AttachmentOwner {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(type, "type");
        if (module.isBlank() || module.length() > 40 || type.isBlank() || type.length() > 40) {
            throw new IllegalArgumentException("module and type must be 1 to 40 characters");
        }
    }

    public static AttachmentOwner of(String module, String type, long id) {
        return new AttachmentOwner(module, type, id);
    }
}
