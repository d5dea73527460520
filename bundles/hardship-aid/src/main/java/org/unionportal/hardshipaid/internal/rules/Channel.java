package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** How a payment reaches the household: bank transfer or the supermarket love card (爱心卡). */
public enum Channel implements Labelled {
    BANK("银行转账", "Bank transfer"), LOVE_CARD("爱心卡", "Love card");

    private final Text label;

    Channel(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }
}
