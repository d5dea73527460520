/**
 * Benefit rules of the mutual-aid medical plans (职工医疗互助保障): plan templates, eligibility,
 * and the claim calculator.
 *
 * <p>Pure Java 17 with no dependency beyond the JDK and the portal API's plain values (money, texts with
 * labels, field errors), so the rules can be tested and reasoned
 * about without OSGi, a database or JSON. Money is always integer fen ({@code long},
 * 1 CNY = 100 fen); where a percentage produces a fraction of a fen it is rounded
 * <b>half up to a whole fen</b> ({@link org.unionportal.api.money.Money#percentOf}).
 * Dates are {@link java.time.LocalDate} calendar days in Asia/Shanghai.
 */
package org.unionportal.mutualaid.internal.rules;
