package org.unionportal.mutualaid.internal;

/** The module's id, as the portal's audit trail and attachment store know it. */
public final class MutualAid {
    public static final String MODULE = "mutual-aid";

    private MutualAid() {
    }
}
