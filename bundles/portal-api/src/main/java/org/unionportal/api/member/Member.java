package org.unionportal.api.member;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a grassroots union as the register keeps it. Immutable.
 *
 * @param id          the register's id
 * @param idNumber    resident ID number (GB 11643), the person's key across the whole portal
 * @param name        name
 * @param phone       mobile number, digits only; may be null
 * @param gender      "M" or "F", from the ID number
 * @param birthDate   from the ID number
 * @param orgId       the grassroots union the person is a member of (exactly one)
 * @param orgPath     that union's path in the union tree
 * @param categories  at least one; iterated in the enum's order
 * @param occupation  for {@link MemberCategory#GIG_WORKER} only, else null
 * @param status      in the register now, or left
 * @param joinedOn    date of joining; may be null when unknown
 * @param leftOn      date of leaving, only when {@link MembershipStatus#LEFT}
 * @param userId      the portal account the person signs in with, or null
 */
public record Member(long id, String idNumber, String name, String phone, String gender, LocalDate birthDate,
                     long orgId, String orgPath, Set<MemberCategory> categories, GigOccupation occupation,
                     MembershipStatus status, LocalDate joinedOn, LocalDate leftOn, Long userId) {

    public Member {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(status, "status");
        // in the enum's order, so that every answer lists them the same way (Set.copyOf's order changes per JVM run)
        categories = categories == null || categories.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    public boolean active() {
        return status == MembershipStatus.ACTIVE;
    }

    public boolean has(MemberCategory category) {
        return categories.contains(category);
    }
}
