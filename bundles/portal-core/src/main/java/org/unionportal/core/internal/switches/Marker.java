package org.unionportal.core.internal.switches;

import java.time.Instant;

/**
 * An OFF marker: module {@code module} is switched off for organisation {@code orgId} and its whole
 * subtree, by {@code setBy} at {@code setAt}.
 */
public record Marker(long orgId, String orgPath, String orgName, String module, String setBy, Instant setAt) {
}
