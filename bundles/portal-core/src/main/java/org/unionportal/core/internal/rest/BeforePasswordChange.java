package org.unionportal.core.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A core route a user whose password an administrator reset may call before choosing a new one (sign out, who am I,
 * the change itself); {@link AuthenticationFilter} refuses every other route to such a user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface BeforePasswordChange {
}
