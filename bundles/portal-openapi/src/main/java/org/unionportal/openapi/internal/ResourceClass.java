package org.unionportal.openapi.internal;

/**
 * A JAX-RS resource registered in the portal application.
 *
 * @param module the registering bundle's {@code Union-Module}, or {@code core} for the portal's own
 * @param type   the resource class (loaded by the registering bundle)
 */
public record ResourceClass(String module, Class<?> type) {
}
