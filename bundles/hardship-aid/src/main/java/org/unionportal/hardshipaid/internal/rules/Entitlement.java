package org.unionportal.hardshipaid.internal.rules;

/**
 * One payment a household is entitled to: an item for a period key, for the household (beneficiary 0) or
 * for one child (the member's id), with the standard used and how the amount came about, in both languages (the page
 * shows the one it speaks).
 */
public record Entitlement(long householdId, Item item, String periodKey, long beneficiaryId, String beneficiaryName,
        long amountFen, Channel channel, Long standardId, org.unionportal.api.i18n.Text explanation) {
}
