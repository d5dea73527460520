package org.unionportal.mutualaid.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.mutualaid.internal.store.ClaimStore;

/**
 * A claim's supporting documents (invoice, discharge summary, diagnosis), kept by the portal's attachment
 * service: added while the claim is open, read only by those who may see the claim; another union's claim is
 * not found. Each document added is in the claim's history and the audit trail.
 */
@Component(service = ClaimDocuments.class)
public class ClaimDocuments {
    private final PortalDatabase db;
    @Reference
    Attachments attachments;
    @Reference
    AuditTrail audit;

    @Activate
    public ClaimDocuments(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this.db = db;
    }

    /** The attachment owner of a claim's documents. */
    public static AttachmentOwner of(long claimId) {
        return AttachmentOwner.of(MutualAid.MODULE, "claim", claimId);
    }

    /** 404 unless the user may see the claim (checked before an upload's body is read). */
    public void requireVisible(long claimId, PortalUser user) {
        db.read(c -> ClaimService.visible(c, claimId, user));
    }

    /** Adds a document to an open claim the user may see; answers it as the list shows it. */
    public Map<String, Object> add(long claimId, String fileName, byte[] content, PortalUser user) {
        return db.inTransaction(c -> {
            Claim claim = ClaimService.visible(c, claimId, user);
            if (!claim.status().open()) {
                throw ProblemException.conflict("claim_closed", Text.of(
                        "理赔 " + claimId + " 已" + claim.status().label().zh() + "，不能再添加材料。",
                        "Claim " + claimId + " is " + claim.status().label().en().toLowerCase(Locale.ROOT)
                                + "; documents can no longer be added."));
            }
            Attachment a = attachments.add(c, of(claimId), fileName, content, user.username());
            ClaimStore.event(c, claimId, user.username(), "DOCUMENT", claim.status(), claim.status(), a.fileName());
            audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", claimId, "ADD_DOCUMENT", claim.orgPath(), Actor.of(user))
                    .changes(Map.of(), AuditFields.of("document", a.fileName(), "attachmentId", a.id(), "sha256", a.sha256())));
            return view(a);
        });
    }

    /**
     * Removes a wrongly uploaded document while the claim is a draft or returned (the reviewers have not decided on
     * it yet); 409 otherwise. In the claim's history and the audit trail.
     */
    public void remove(long claimId, long docId, PortalUser user) {
        db.inTransaction(c -> {
            Claim claim = ClaimService.visible(c, claimId, user);
            Attachment doc = attachments.list(c, of(claimId)).stream().filter(a -> a.id() == docId).findFirst()
                    .orElseThrow(() -> documentNotFound(claimId, docId));
            if (!claim.status().correctable()) {
                throw ProblemException.conflict("document_not_deletable", Text.of(
                        "理赔 " + claimId + " 当前为“" + claim.status().label().zh() + "”，材料只能在草稿或退回时删除。",
                        "Claim " + claimId + " is " + claim.status().label().en().toLowerCase(Locale.ROOT)
                                + "; documents can be removed only from a draft or a returned claim."));
            }
            attachments.delete(c, of(claimId), docId);
            ClaimStore.event(c, claimId, user.username(), "DOCUMENT_DELETED", claim.status(), claim.status(), doc.fileName());
            audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", claimId, "DELETE_DOCUMENT", claim.orgPath(), Actor.of(user))
                    .changes(AuditFields.of("document", doc.fileName(), "attachmentId", doc.id(), "sha256", doc.sha256()), Map.of()));
            return null;
        });
    }

    private static ProblemException documentNotFound(long claimId, long docId) {
        return ProblemException.notFound("document_not_found", Text.of(
                "理赔 " + claimId + " 没有编号为 " + docId + " 的材料。", "No document " + docId + " on claim " + claimId + "."));
    }

    public List<Map<String, Object>> list(long claimId, PortalUser user) {
        return db.read(c -> {
            ClaimService.visible(c, claimId, user);
            return attachments.list(c, of(claimId)).stream().map(ClaimDocuments::view).toList();
        });
    }

    /** One document with its content, only to those who may see the claim. */
    public AttachmentContent read(long claimId, long docId, PortalUser user) {
        return db.read(c -> {
            ClaimService.visible(c, claimId, user);
            return attachments.read(c, of(claimId), docId);
        }).orElseThrow(() -> ProblemException.notFound("document_not_found", Text.of(
                "理赔 " + claimId + " 没有编号为 " + docId + " 的材料。", "No document " + docId + " on claim " + claimId + ".")));
    }

    static Map<String, Object> view(Attachment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", a.id());
        d.put("fileName", a.fileName());
        d.put("contentType", a.contentType());
        d.put("sizeBytes", a.sizeBytes());
        d.put("sha256", a.sha256());
        d.put("uploadedBy", a.uploadedBy());
        d.put("uploadedAt", a.uploadedAt().toString());
        return d;
    }
}
