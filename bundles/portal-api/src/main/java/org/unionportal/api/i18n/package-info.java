/**
 * Texts in the portal's two languages, Chinese first: every message a person reads (problem
 * answers, status labels, notifications) is a {@link org.unionportal.api.i18n.Text}, and the
 * answer picks one {@link org.unionportal.api.i18n.Language} for the caller, never both.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.unionportal.api.i18n;
