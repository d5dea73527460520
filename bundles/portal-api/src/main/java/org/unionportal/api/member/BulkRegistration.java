package org.unionportal.api.member;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A large registration with one union (a roster of 100,000 people) on the caller's transaction, handed over a
 * chunk at a time, so that neither side holds every person's draft and member at once. Opened by
 * {@link MemberRegistry#registerInBulk}; the chunks together must be the ID numbers announced there.
 *
 * @since 1.1
 */
@ProviderType
public interface BulkRegistration {

    /**
     * Registers these people as {@link MemberRegistry#register(java.sql.Connection, List, long, String)} would, and
     * answers their members by ID number.
     *
     * @throws OtherUnionException naming the refused ID numbers among these
     */
    Map<String, Member> register(List<MemberDraft> drafts);

    /**
     * Ends the registration: the register writes its audit entry for the people it registered new (one for all of
     * them, with how many, their ids and the caller's {@code source}). Changes to members it knew were audited one by
     * one as they were written.
     */
    void finish();
}
