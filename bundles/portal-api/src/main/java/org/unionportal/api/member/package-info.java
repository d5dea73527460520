/**
 * The member register (会员库): who is a member of which grassroots union, keyed by the resident ID
 * number. The core keeps it and registers {@link org.unionportal.api.member.MemberRegistry}; modules
 * look members up and register people through it and never read the core's tables.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.unionportal.api.member;
