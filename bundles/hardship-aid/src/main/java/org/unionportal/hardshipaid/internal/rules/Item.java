package org.unionportal.hardshipaid.internal.rules;

import java.util.Optional;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * The aid items of the Wuxi standards (无锡市特困职工帮扶救助标准). Every item is for special-hardship
 * households (特困, holders of the certificate); the summer-heat subsidy also reaches hardship households.
 */
public enum Item implements Labelled {
    LIVING("生活补贴", "Living subsidy", Channel.BANK, false),
    SCHOOLING_UNIVERSITY("助学·全日制大学", "Schooling: university", null, false),
    SCHOOLING_HIGH("助学·高中/中职", "Schooling: high school or vocational", null, false),
    SCHOOLING_BASIC("助学·义务教育/幼儿园", "Schooling: compulsory education or kindergarten", null, false),
    ENTRANT_AWARD("高校新生奖励", "New university entrant award", null, false),
    ENTRANT_TICKET("新生异地入学车票", "Entrant's train ticket", null, false),
    MEDICAL("医疗补贴", "Medical subsidy", Channel.BANK, false),
    HOLIDAY_VISIT("两节送温暖慰问", "New Year and Spring Festival visit", null, false),
    PRICE_SUBSIDY("临时价格补贴", "Temporary price subsidy", Channel.LOVE_CARD, false),
    ONE_OFF_PRICE("一次性临时价格补贴", "One-off price subsidy", null, false),
    SUMMER_HEAT("夏季防暑降温补贴", "Summer heat subsidy", null, true);

    private final String zh;
    private final String en;
    private final Channel fixedChannel;
    private final boolean alsoHardship;

    Item(String zh, String en, Channel fixedChannel, boolean alsoHardship) {
        this.zh = zh;
        this.en = en;
        this.fixedChannel = fixedChannel;
        this.alsoHardship = alsoHardship;
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

    /** Whether a household of this level gets the item. */
    public boolean appliesTo(Level level) {
        return level == Level.SPECIAL || (alsoHardship && level == Level.HARDSHIP);
    }

    /**
     * The channel: living and medical subsidies go by bank transfer and the price subsidy onto the love card
     * (as the notice says); the other items by the household's chosen channel.
     */
    public Channel channel(Channel householdChannel) {
        return fixedChannel != null ? fixedChannel : householdChannel;
    }

    /** The entrant's ticket has no fixed amount: the ticket is refunded up to the fare entered with it. */
    public boolean hasAmount() {
        return this != ENTRANT_TICKET;
    }

    /** The schooling item of a stage. */
    public static Item schooling(Stage stage) {
        return switch (stage) {
            case UNIVERSITY -> SCHOOLING_UNIVERSITY;
            case SENIOR_HIGH, VOCATIONAL -> SCHOOLING_HIGH;
            case KINDERGARTEN, PRIMARY, JUNIOR_HIGH -> SCHOOLING_BASIC;
        };
    }

    public static Optional<Item> parse(String code) {
        for (Item i : values()) {
            if (i.name().equals(code)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
