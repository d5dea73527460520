package org.unionportal.hardshipaid.internal.rules;

import java.util.Optional;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** What a payment batch pays; each kind has its own period format and due date (see {@link Period}). */
public enum BatchKind implements Labelled {
    QUARTER("季度发放", "Quarterly payment"),
    SCHOOL_YEAR("学年助学", "School-year schooling aid"),
    MEDICAL("年度医疗补贴", "Yearly medical subsidy"),
    HOLIDAYS("两节送温暖", "New Year and Spring Festival visits"),
    SUMMER("夏季防暑降温", "Summer heat subsidy"),
    ONE_OFF_PRICE("一次性价格补贴", "One-off price subsidy"),
    REISSUE("失败重发", "Reissue of failed transfers");

    private final String zh;
    private final String en;

    BatchKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return Text.of(zh, en);
    }

    public static Optional<BatchKind> parse(String code) {
        for (BatchKind k : values()) {
            if (k.name().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
