package org.unionportal.core.internal.home;

import java.time.Instant;

/** A notice (通知公告) published to the subtree of the organisation at {@code orgPath}. */
public record Notice(long id, long orgId, String orgPath, String orgName, String title, String body, String publishedBy,
                     String publishedByName, Instant publishedAt, Instant withdrawnAt) {
}
