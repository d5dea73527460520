package org.unionportal.mutualaid.internal.rules;

/** Whether a plan's fee is charged for each year of the term or once for the whole term. */
public enum FeeBasis {
    PER_YEAR,
    PER_TERM
}
