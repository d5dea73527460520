package org.unionportal.api.member;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.unionportal.api.security.PortalUser;

/**
 * The member register (会员库) for modules, an OSGi service of the core. Lookups are scoped: a caller only
 * finds members of its part of the union tree ({@code subtreePath}, a path such as {@code /1/2/}; members
 * whose union's path starts with it). A person belongs to one union: registering or changing them for
 * another union throws {@link OtherUnionException}; moving them is a transfer done by district or city staff.
 *
 * <p>Methods taking a {@link Connection} run on the caller's transaction (every bundle's
 * {@link org.unionportal.api.db.PortalDatabase} is the one portal database), so that a module's write and the
 * register's write commit together and the caller never asks the pool for a second connection while it holds
 * one. The others open their own transaction and must not be called inside one.
 */
@ProviderType
public interface MemberRegistry {

    Optional<Member> byId(long id, String subtreePath);

    default Optional<Member> byId(long id, PortalUser user) {
        return byId(id, user.orgPath());
    }

    /** The member with this ID number, if their union lies in {@code subtreePath}. */
    Optional<Member> byIdNumber(String idNumber, String subtreePath);

    default Optional<Member> byIdNumber(String idNumber, PortalUser user) {
        return byIdNumber(idNumber, user.orgPath());
    }

    /** The member whose portal account is {@code userId} (what 我的… pages of a signed-in member use). */
    Optional<Member> ofUser(long userId);

    /** The members among {@code ids} inside {@code subtreePath}; others are left out. */
    List<Member> byIds(Collection<Long> ids, String subtreePath);

    /**
     * Which of these ID numbers are members of a union other than {@code orgId}: a roster or form of
     * {@code orgId} may not register them. Answers only the numbers asked for, nothing about the other record.
     */
    Set<String> ofOtherUnions(Collection<String> idNumbers, long orgId);

    /** {@link #ofOtherUnions(Collection, long)} on the caller's transaction. */
    Set<String> ofOtherUnions(Connection c, Collection<String> idNumbers, long orgId);

    /**
     * Registers a person with union {@code orgId}, or updates the union's own member: name, phone (when given),
     * categories added, occupation (when given); a member who had left is a member again.
     *
     * @throws OtherUnionException when the ID number is a member of another union (nothing is written)
     * @throws org.unionportal.api.rest.ProblemException 422 when the draft is not valid
     */
    Member register(MemberDraft draft, long orgId, String actor);

    /**
     * {@link #register(MemberDraft, long, String)} for many people at once on the caller's transaction, in
     * bulk; answers the members by ID number. All or none: the first refusal throws and the caller's
     * transaction rolls back.
     *
     * @throws OtherUnionException naming every refused ID number
     */
    Map<String, Member> register(Connection c, List<MemberDraft> drafts, long orgId, String actor);

    /**
     * Starts registering many people with union {@code orgId} on the caller's transaction, a chunk at a time
     * ({@link BulkRegistration#register}): what {@link #register(Connection, List, long, String)} does for a list,
     * without holding every draft and member at once. The register looks the {@code idNumbers} up once here and
     * refuses other unions' people before anything is written. Instead of one audit entry per new member it writes
     * one for all of them at {@link BulkRegistration#finish}, with {@code source} (what was registered: a roster's
     * upload and file name); a member it knew and changes keeps an entry of its own with the change.
     *
     * <p>The default registers each chunk through {@link #register(Connection, List, long, String)}.
     *
     * @throws OtherUnionException naming every ID number of another union's member (nothing is written)
     * @since 1.1
     */
    default BulkRegistration registerInBulk(Connection c, Collection<String> idNumbers, long orgId, String actor,
                                            Map<String, Object> source) {
        return new BulkRegistration() {
            @Override
            public Map<String, Member> register(List<MemberDraft> drafts) {
                return MemberRegistry.this.register(c, drafts, orgId, actor);
            }

            @Override
            public void finish() {
                // each chunk was registered and audited in full by register(Connection, List, long, String)
            }
        };
    }

    /**
     * Puts a person a module knew before the register existed into it, once: when the ID number is registered
     * already (in any union) that member is answered unchanged, otherwise the person is registered with
     * {@code orgId}; {@code userId}, when given, links the account if neither side is linked yet. Only for a
     * module's one-time move of its existing people, never for what users type.
     */
    Member adopt(Connection c, MemberDraft draft, long orgId, Long userId, String actor);
}
