package org.unionportal.api.i18n;

/**
 * A code with a label in both languages, for statuses and categories (typically an enum): the
 * code is stored and sent in JSON, the label is what a person reads.
 */
public interface Labelled {
    /** The stable code, e.g. {@code SUBMITTED}. */
    String code();

    Text label();
}
