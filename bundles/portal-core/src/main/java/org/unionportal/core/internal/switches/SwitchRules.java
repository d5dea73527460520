package org.unionportal.core.internal.switches;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What OFF markers mean (pure, unit tested). A module is off for an organisation when the
 * organisation or any of its ancestors has a marker for it. A user places and clears markers only
 * on organisations inside their own subtree: a district changes markers on itself and below, never
 * on the city, so it cannot undo a marker the city placed; the city can change any.
 */
public final class SwitchRules {
    private SwitchRules() {
    }

    /** Whether organisation path {@code ancestor} is {@code path} itself or one of its ancestors. */
    static boolean isAtOrAbove(String ancestor, String path) {
        return ancestor != null && path != null && path.startsWith(ancestor);
    }

    /**
     * The marker that switches {@code module} off for the organisation at {@code orgPath}: the one
     * highest up the tree (it is the one that can be cleared last), or empty when the module is on.
     */
    public static Optional<Marker> offBy(Collection<Marker> markers, String module, String orgPath) {
        return markers.stream()
                .filter(m -> m.module().equals(module) && isAtOrAbove(m.orgPath(), orgPath))
                .min(Comparator.comparingInt((Marker m) -> m.orgPath().length()));
    }

    public static boolean isOff(Collection<Marker> markers, String module, String orgPath) {
        return offBy(markers, module, orgPath).isPresent();
    }

    /** The marker placed on exactly this organisation, if any. */
    public static Optional<Marker> own(Collection<Marker> markers, String module, long orgId) {
        return markers.stream().filter(m -> m.module().equals(module) && m.orgId() == orgId).findFirst();
    }

    /** A user whose organisation is at {@code userPath} may place or clear markers on {@code targetPath}. */
    public static boolean mayChange(String userPath, String targetPath) {
        return isAtOrAbove(userPath, targetPath);
    }

    /** What switching a module on at an organisation does. */
    public enum OnOutcome {
        /** The organisation's own marker goes; nothing above keeps the module off. */
        CLEARED,
        /** The organisation's own marker goes, but a marker above still keeps the module off. */
        CLEARED_STILL_OFF_ABOVE,
        /** There was no marker at all: nothing to do. */
        ALREADY_ON,
        /** No own marker; a marker on an ancestor keeps it off and has to be cleared there. */
        OFF_ABOVE
    }

    /** Switching {@code module} on at the organisation {@code orgId} / {@code orgPath}. */
    public static OnOutcome switchOn(Collection<Marker> markers, String module, long orgId, String orgPath) {
        boolean own = own(markers, module, orgId).isPresent();
        boolean above = markers.stream().anyMatch(m -> m.module().equals(module) && m.orgId() != orgId
                && isAtOrAbove(m.orgPath(), orgPath));
        if (own) {
            return above ? OnOutcome.CLEARED_STILL_OFF_ABOVE : OnOutcome.CLEARED;
        }
        return above ? OnOutcome.OFF_ABOVE : OnOutcome.ALREADY_ON;
    }
}
