package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertTrue(PasswordPolicy.problem("zhangli", "梁溪幼儿园2026春").isEmpty());
        assertTrue(PasswordPolicy.problem("zhangli", "correct horse battery").isEmpty());
    }

    @Test
    void shortCommonRepeatedOrTheUsernameIsRefusedInOneLanguageEach() {
        assertEquals("新密码至少需要 8 个字符。", PasswordPolicy.problem("zhangli", "abc123").orElseThrow().zh());
        assertEquals("The new password needs at least 8 characters.", PasswordPolicy.problem("zhangli", "abc123").orElseThrow().en());
        assertTrue(PasswordPolicy.problem("zhangli", "Password123").orElseThrow().zh().contains("太常见"));
        assertTrue(PasswordPolicy.problem("zhangli", "  12345678 ").isPresent());
        assertTrue(PasswordPolicy.problem("zhangli", "aaaaaaaaaa").orElseThrow().en().contains("too common"));
        assertTrue(PasswordPolicy.problem("zhangli01", "ZhangLi01").orElseThrow().zh().contains("用户名"));
        assertTrue(PasswordPolicy.problem("x", "y".repeat(201)).isPresent());
    }

    @Test
    void theListFileIsInTheBundleAndCommentsAreNoPasswords() {
        assertTrue(PasswordPolicy.isCommon("qwerty123"));
        assertTrue(PasswordPolicy.isCommon("WOAINI1314"));
        assertFalse(PasswordPolicy.isCommon("# The most common passwords (public breach lists, incl. Chinese sites' leaks); compared without case."));
    }
}
