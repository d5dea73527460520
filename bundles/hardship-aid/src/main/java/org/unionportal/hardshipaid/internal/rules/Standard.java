package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;

/** An approved standard: the amount of an item from a date on (null amount for the entrant's ticket). */
public record Standard(long id, Item item, Long amountFen, LocalDate effectiveFrom) {
}
