package org.unionportal.mutualaid.internal.rules;

/**
 * The facts about a member that eligibility looks at. Gender or category may be null when the
 * roster does not record them; eligibility then names the missing fact instead of failing.
 */
public record Person(Gender gender, WorkerCategory category, boolean inService, boolean basicInsurance,
                     boolean unionMember) {
}
