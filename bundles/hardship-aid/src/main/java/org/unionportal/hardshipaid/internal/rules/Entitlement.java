package org.unionportal.hardshipaid.internal.rules;

/**
 * One payment a household is entitled to: an item for a period key, for the household (beneficiary 0) or
 * for one child (the member's id), with the standard used and how the amount came about.
 */
public record Entitlement(long householdId, Item item, String periodKey, long beneficiaryId, String beneficiaryName,
        long amountFen, Channel channel, Long standardId, String explanation) {
}
