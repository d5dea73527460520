package org.unionportal.api.member;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a module (or a form) knows of a person it registers with its union: the register derives
 * birth date and gender from the ID number and keeps everything else it already has.
 *
 * @param idNumber   resident ID number, normalised ({@link org.unionportal.api.identity.IdNumbers#normalize})
 * @param name       name
 * @param phone      mobile number or null (null keeps a number the register has)
 * @param categories categories to add to the member's (empty adds none; a new member without any is an
 *                   {@link MemberCategory#EMPLOYEE})
 * @param occupation for gig workers, else null (null keeps the register's)
 * @param joinedOn   date of joining, or null (today for a new member)
 */
public record MemberDraft(String idNumber, String name, String phone, Set<MemberCategory> categories,
                          GigOccupation occupation, LocalDate joinedOn) {

    public MemberDraft {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public static MemberDraft of(String idNumber, String name, String phone, MemberCategory category) {
        return new MemberDraft(idNumber, name, phone, category == null ? Set.of() : Set.of(category), null, null);
    }
}
