package org.unionportal.hardshipaid.internal.rules;

/** How a payment reaches the household: bank transfer or the supermarket love card (爱心卡). */
public enum Channel {
    BANK, LOVE_CARD
}
