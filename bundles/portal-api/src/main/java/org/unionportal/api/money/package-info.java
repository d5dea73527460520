/**
 * Money as integer fen ({@code long}), never {@code double}: exact arithmetic that fails on
 * overflow, yuan text for people and files, and yuan text read back into fen.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.money;
