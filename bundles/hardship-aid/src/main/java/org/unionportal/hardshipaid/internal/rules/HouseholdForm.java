package org.unionportal.hardshipaid.internal.rules;

import java.util.List;

/** An application for a household as the form sends it (codes as text: they are checked field by field). */
public record HouseholdForm(Long orgId, String address, String phone, List<String> causes, String hardshipNote,
        String requestedLevel, String channel, String bankName, String bankAccount, String loveCardNo,
        List<MemberForm> members) {

    public record MemberForm(String name, String idNumber, String relation, Long monthlyIncomeFen, String health, String work,
            SchoolingForm schooling) {
    }

    public record SchoolingForm(Integer schoolYear, String stage, String school, Boolean newEntrant, Boolean studyAway,
            Long ticketFen, Long fareCapFen) {
    }
}
