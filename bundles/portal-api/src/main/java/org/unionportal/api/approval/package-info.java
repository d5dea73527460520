/**
 * Maker-checker (四眼原则) for money steps: {@link org.unionportal.api.approval.SecondPerson} is the one rule of
 * every module (a payout batch, an aid standard, a safety-net award): whoever made a step may not approve it, and
 * a module's configuration may switch the rule off (on by default outside demo mode).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.approval;
