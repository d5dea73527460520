package org.unionportal.mutualaid.internal.rules;

/** How the hospital consolation payment (住院慰问金) is counted. */
public enum ConsolationMode {
    /** A fixed amount for each hospital stay. */
    PER_STAY,
    /** An amount for each day in hospital: days = discharge − admission, at least 1. */
    PER_DAY
}
