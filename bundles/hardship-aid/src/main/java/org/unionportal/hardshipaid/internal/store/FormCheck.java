package org.unionportal.hardshipaid.internal.store;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.rest.Validation;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.rules.Stage;

/** Field-by-field checks of an application; every problem names its field (members[1].idNumber). */
public final class FormCheck {
    static final long MAX_MONTHLY_INCOME_FEN = 100_000_000L; // 1,000,000 yuan a month: anything above is a typo
    static final int MAX_MEMBERS = 20;

    private FormCheck() {
    }

    public static void check(HouseholdForm f, LocalDate today) {
        Validation v = new Validation();
        if (f == null) {
            v.require(false, "body", "需要申请内容 (the application is missing)");
            v.throwIfInvalid();
        }
        optionalText(v, f.address(), "address", 200);
        v.require(f.phone() == null || f.phone().isBlank() || f.phone().strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}"), "phone",
                "手机号应为 11 位数字，或带区号的固定电话 (a mobile number of 11 digits or a landline with area code)");
        List<String> causes = f.causes() == null ? List.of() : f.causes();
        v.require(!causes.isEmpty(), "causes", "至少选择一项致困原因 (choose at least one cause of hardship)");
        v.require(causes.stream().allMatch(Codes.CAUSES::contains), "causes", "致困原因只能是 " + Codes.CAUSES);
        optionalText(v, f.hardshipNote(), "hardshipNote", 1000);
        v.require(parse(Level.class, f.requestedLevel()) != null, "requestedLevel", "申请等级应为 HARDSHIP（困难）或 SPECIAL（特困）");
        Channel channel = parse(Channel.class, f.channel());
        v.require(channel != null, "channel", "发放渠道应为 BANK（银行转账）或 LOVE_CARD（爱心卡）");
        v.require(f.bankAccount() != null && f.bankAccount().strip().matches("\\d{12,30}"), "bankAccount",
                "银行账号应为 12–30 位数字：生活和医疗补贴通过银行转账发放 (12 to 30 digits: living and medical aid go by bank transfer)");
        optionalText(v, f.bankName(), "bankName", 100);
        v.require(f.bankName() != null && !f.bankName().isBlank(), "bankName", "请填写开户银行 (the bank is needed)");
        boolean needsCard = channel == Channel.LOVE_CARD || "SPECIAL".equals(f.requestedLevel());
        v.require(!needsCard || (f.loveCardNo() != null && f.loveCardNo().strip().matches("[A-Za-z0-9]{4,40}")), "loveCardNo",
                "特困家庭或选择爱心卡时须填写爱心卡号（4–40 位字母或数字）(a love card number is needed for special hardship or the love-card channel)");
        members(v, f.members(), today);
        v.throwIfInvalid();
    }

    private static void members(Validation v, List<HouseholdForm.MemberForm> members, LocalDate today) {
        if (members == null || members.isEmpty()) {
            v.require(false, "members", "至少填写申请人本人 (at least the applicant, relation SELF)");
            return;
        }
        v.require(members.size() <= MAX_MEMBERS, "members", "家庭成员最多 " + MAX_MEMBERS + " 人");
        long selves = members.stream().filter(m -> m != null && "SELF".equals(m.relation())).count();
        v.require(selves == 1, "members", "家庭成员中须有且只有一位“本人”(exactly one member with relation SELF)");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdForm.MemberForm m = members.get(i);
            String p = "members[" + i + "].";
            if (m == null) {
                v.require(false, "members[" + i + "]", "成员为空 (empty member)");
                continue;
            }
            v.requireText(m.name(), p + "name", 60);
            String id = m.idNumber() == null ? null : IdNumbers.normalize(m.idNumber());
            IdNumbers.problem(id, today).ifPresent(problem -> v.require(false, p + "idNumber", problem));
            if (id != null && IdNumbers.isValid(id)) {
                v.require(ids.add(id), p + "idNumber", "身份证号与其他成员重复 (the same ID number twice)");
            }
            v.require(m.relation() != null && Codes.RELATIONS.contains(m.relation()), p + "relation", "关系应为 " + Codes.RELATIONS);
            v.require(m.monthlyIncomeFen() != null && m.monthlyIncomeFen() >= 0 && m.monthlyIncomeFen() <= MAX_MONTHLY_INCOME_FEN,
                    p + "monthlyIncomeFen", "月收入应为 0 或正数，单位为分 (monthly income in fen, 0 or more)");
            optionalText(v, m.health(), p + "health", 400);
            optionalText(v, m.work(), p + "work", 200);
            if (m.schooling() != null) {
                schooling(v, m, p + "schooling.", today);
            }
        }
    }

    private static void schooling(Validation v, HouseholdForm.MemberForm m, String p, LocalDate today) {
        HouseholdForm.SchoolingForm s = m.schooling();
        v.require("CHILD".equals(m.relation()), p + "stage", "只有子女可以登记就学情况 (schooling is for children)");
        v.require(s.schoolYear() != null && s.schoolYear() >= today.getYear() - 1 && s.schoolYear() <= today.getYear() + 1,
                p + "schoolYear", "学年应为 " + (today.getYear() - 1) + "–" + (today.getYear() + 1) + "（2026 表示 2026/27 学年）");
        Stage stage = parse(Stage.class, s.stage());
        v.require(stage != null, p + "stage", "学段应为 KINDERGARTEN, PRIMARY, JUNIOR_HIGH, SENIOR_HIGH, VOCATIONAL 或 UNIVERSITY");
        optionalText(v, s.school(), p + "school", 120);
        boolean entrant = Boolean.TRUE.equals(s.newEntrant());
        v.require(!entrant || stage == Stage.UNIVERSITY, p + "newEntrant", "新生奖励只适用于高校新生 (only university entrants)");
        boolean away = Boolean.TRUE.equals(s.studyAway());
        if (s.ticketFen() != null || s.fareCapFen() != null) {
            v.require(entrant && away, p + "ticketFen", "车票只为异地就学的高校新生报销 (tickets only for entrants studying away)");
            v.require(s.ticketFen() != null && s.ticketFen() > 0 && s.ticketFen() <= 500_000L, p + "ticketFen",
                    "车票金额应大于 0、不超过 5000 元 (ticket above 0 and at most 5000 CNY)");
            v.require(s.fareCapFen() != null && s.fareCapFen() > 0 && s.fareCapFen() <= 500_000L, p + "fareCapFen",
                    "请填写同线路高铁二等座票价 (the second-class high-speed fare of the route)");
        }
    }

    private static void optionalText(Validation v, String value, String field, int max) {
        v.require(value == null || value.length() <= max, field, "最多 " + max + " 个字 (at most " + max + " characters)");
    }

    /** The enum constant named exactly so, or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        return null;
    }
}
