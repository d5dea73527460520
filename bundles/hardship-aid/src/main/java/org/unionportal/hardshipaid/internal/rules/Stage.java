package org.unionportal.hardshipaid.internal.rules;

/** A child's stage of schooling. UNIVERSITY is full-time higher education: college, bachelor, postgraduate. */
public enum Stage {
    KINDERGARTEN, PRIMARY, JUNIOR_HIGH, SENIOR_HIGH, VOCATIONAL, UNIVERSITY
}
