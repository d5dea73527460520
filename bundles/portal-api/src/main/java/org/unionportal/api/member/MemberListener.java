package org.unionportal.api.member;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after the register committed a change of a member (edit, transfer, leaving, account link), so a module
 * that keeps a copy of name, phone or union can refresh it. A whiteboard service: register one and the core
 * calls it. It is called outside any transaction; changes a module makes itself on its own connection through
 * {@link MemberRegistry#register(java.sql.Connection, java.util.List, long, String)} are not reported.
 */
@ConsumerType
public interface MemberListener {
    void memberChanged(Member member);
}
