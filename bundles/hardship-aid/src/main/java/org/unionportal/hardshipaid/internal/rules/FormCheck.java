package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.Validation;

/** Field-by-field checks of an application; every problem names its field (members[1].idNumber) and has a stable code. */
public final class FormCheck {
    static final long MAX_MONTHLY_INCOME_FEN = 100_000_000L; // 1,000,000 yuan a month: anything above is a typo
    static final long MAX_TICKET_FEN = 500_000L;
    static final int MAX_MEMBERS = 20;

    private FormCheck() {
    }

    public static void check(HouseholdForm f, LocalDate today) {
        Validation v = new Validation();
        if (f == null) {
            v.require(false, "body", "required", Text.of("需要申请内容", "The application is missing"));
            v.throwIfInvalid();
        }
        v.maxLength(f.address(), "address", 200);
        v.require(f.phone() == null || f.phone().isBlank() || f.phone().strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}"), "phone",
                "invalid_phone", Text.of("手机号应为 11 位数字，或带区号的固定电话", "A mobile number of 11 digits or a landline with area code"));
        List<String> causes = f.causes() == null ? List.of() : f.causes();
        v.require(!causes.isEmpty(), "causes", "required", Text.of("至少选择一项致困原因", "Choose at least one cause of hardship"));
        v.require(causes.stream().allMatch(c -> Labels.byCode(Cause.class, c).isPresent()), "causes", "unknown_cause",
                Text.of("致困原因只能是 " + Labels.codes(Cause.class), "Causes must be among " + Labels.codes(Cause.class)));
        // each cause once: the column holds every cause once, not a list repeated at will
        v.require(causes.stream().distinct().count() == causes.size(), "causes", "repeated_cause",
                Text.of("每项致困原因只能选一次", "Choose each cause of hardship once"));
        v.maxLength(f.hardshipNote(), "hardshipNote", 1000);
        v.require(Labels.byCode(Level.class, f.requestedLevel()).isPresent(), "requestedLevel", "unknown_level",
                Text.of("申请等级应为 HARDSHIP（困难）或 SPECIAL（特困）", "The level must be HARDSHIP or SPECIAL"));
        Channel channel = Labels.byCode(Channel.class, f.channel()).orElse(null);
        v.require(channel != null, "channel", "unknown_channel",
                Text.of("发放渠道应为 BANK（银行转账）或 LOVE_CARD（爱心卡）", "The channel must be BANK or LOVE_CARD"));
        v.require(f.bankAccount() != null && f.bankAccount().strip().matches("\\d{12,30}"), "bankAccount", "invalid_bank_account",
                Text.of("银行账号应为 12–30 位数字：生活和医疗补贴通过银行转账发放",
                        "A bank account of 12 to 30 digits: living and medical aid go by bank transfer"));
        v.maxLength(f.bankName(), "bankName", 100);
        v.require(f.bankName() != null && !f.bankName().isBlank(), "bankName", "required", Text.of("请填写开户银行", "The bank is needed"));
        boolean needsCard = channel == Channel.LOVE_CARD || Level.SPECIAL.code().equals(f.requestedLevel());
        v.require(!needsCard || (f.loveCardNo() != null && f.loveCardNo().strip().matches("[A-Za-z0-9]{4,40}")), "loveCardNo",
                "love_card_needed", Text.of("特困家庭或选择爱心卡时须填写爱心卡号（4–40 位字母或数字）",
                        "A love card number (4 to 40 letters or digits) is needed for special hardship or the love-card channel"));
        v.maxLength(f.loveCardNo(), "loveCardNo", 40);
        members(v, f.members(), today);
        v.throwIfInvalid();
    }

    private static void members(Validation v, List<HouseholdForm.MemberForm> members, LocalDate today) {
        if (members == null || members.isEmpty()) {
            v.require(false, "members", "required", Text.of("至少填写申请人本人", "At least the applicant (relation SELF)"));
            return;
        }
        v.require(members.size() <= MAX_MEMBERS, "members", "too_many",
                Text.of("家庭成员最多 " + MAX_MEMBERS + " 人", "At most " + MAX_MEMBERS + " household members"));
        long selves = members.stream().filter(m -> m != null && Relation.SELF.code().equals(m.relation())).count();
        v.require(selves == 1, "members", "one_applicant",
                Text.of("家庭成员中须有且只有一位“本人”", "Exactly one member with relation SELF"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdForm.MemberForm m = members.get(i);
            String p = "members[" + i + "].";
            if (m == null) {
                v.require(false, "members[" + i + "]", "required", Text.of("成员为空", "Empty member"));
                continue;
            }
            v.requireText(m.name(), p + "name", 60);
            String id = m.idNumber() == null ? null : IdNumbers.normalize(m.idNumber());
            idNumberProblem(id, today).ifPresent(problem -> v.require(false, p + "idNumber", "invalid_id_number", problem));
            if (id != null && IdNumbers.isValid(id)) {
                v.require(ids.add(id), p + "idNumber", "duplicate_id_number",
                        Text.of("身份证号与其他成员重复", "The same ID number twice"));
            }
            v.require(Labels.byCode(Relation.class, m.relation()).isPresent(), p + "relation", "unknown_relation",
                    Text.of("关系应为 " + Labels.codes(Relation.class), "The relation must be one of " + Labels.codes(Relation.class)));
            v.require(m.monthlyIncomeFen() != null && m.monthlyIncomeFen() >= 0 && m.monthlyIncomeFen() <= MAX_MONTHLY_INCOME_FEN,
                    p + "monthlyIncomeFen", "invalid_amount", Text.of("月收入应为 0 至 " + Money.withUnit(MAX_MONTHLY_INCOME_FEN),
                            "The monthly income must be 0 to " + Money.yuan(MAX_MONTHLY_INCOME_FEN) + " CNY"));
            v.maxLength(m.health(), p + "health", 400);
            v.maxLength(m.work(), p + "work", 200);
            if (m.schooling() != null) {
                schooling(v, m, p + "schooling.", today);
            }
        }
    }

    private static void schooling(Validation v, HouseholdForm.MemberForm m, String p, LocalDate today) {
        HouseholdForm.SchoolingForm s = m.schooling();
        v.require(Relation.CHILD.code().equals(m.relation()), p + "stage", "children_only",
                Text.of("只有子女可以登记就学情况", "Schooling is for children"));
        v.require(s.schoolYear() != null && s.schoolYear() >= today.getYear() - 1 && s.schoolYear() <= today.getYear() + 1,
                p + "schoolYear", "invalid_school_year", Text.of("学年应为 " + (today.getYear() - 1) + "–" + (today.getYear() + 1)
                        + "（2026 表示 2026/27 学年）", "The school year must be " + (today.getYear() - 1) + " to " + (today.getYear() + 1)
                        + " (2026 stands for 2026/27)"));
        Stage stage = Labels.byCode(Stage.class, s.stage()).orElse(null);
        v.require(stage != null, p + "stage", "unknown_stage",
                Text.of("学段应为 " + Labels.codes(Stage.class), "The stage must be one of " + Labels.codes(Stage.class)));
        v.maxLength(s.school(), p + "school", 120);
        boolean entrant = Boolean.TRUE.equals(s.newEntrant());
        v.require(!entrant || stage == Stage.UNIVERSITY, p + "newEntrant", "university_only",
                Text.of("新生奖励只适用于高校新生", "Only university entrants get the entrant award"));
        boolean away = Boolean.TRUE.equals(s.studyAway());
        if (s.ticketFen() != null || s.fareCapFen() != null) {
            v.require(entrant && away, p + "ticketFen", "entrants_away_only",
                    Text.of("车票只为异地就学的高校新生报销", "Tickets are refunded only to entrants studying in another city"));
            v.require(s.ticketFen() != null && s.ticketFen() > 0 && s.ticketFen() <= MAX_TICKET_FEN, p + "ticketFen", "invalid_amount",
                    Text.of("车票金额应大于 0、不超过 " + Money.withUnit(MAX_TICKET_FEN),
                            "The ticket must be above 0 and at most " + Money.yuan(MAX_TICKET_FEN) + " CNY"));
            v.require(s.fareCapFen() != null && s.fareCapFen() > 0 && s.fareCapFen() <= MAX_TICKET_FEN, p + "fareCapFen",
                    "invalid_amount", Text.of("请填写同线路高铁二等座票价", "Enter the second-class high-speed fare of the route"));
        }
    }

    /**
     * The ID number's problem in both languages. {@code IdNumbers} writes "中文 (English)" in one string; it is split
     * here so that the answer speaks one language.
     */
    static Optional<Text> idNumberProblem(String id, LocalDate today) {
        return IdNumbers.problem(id, today).map(FormCheck::split);
    }

    static Text split(String both) {
        int open = both.indexOf(" (");
        if (open > 0 && both.endsWith(")")) {
            return Text.of(both.substring(0, open).strip(), both.substring(open + 2, both.length() - 1).strip());
        }
        return Text.of(both, both);
    }

    /** The constant with this code, or null (for checks that report a missing or unknown code as one problem). */
    public static <E extends Enum<E> & Labelled> E parse(Class<E> type, String code) {
        return Labels.byCode(type, code).orElse(null);
    }
}
