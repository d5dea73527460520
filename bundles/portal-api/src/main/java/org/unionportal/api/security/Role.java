package org.unionportal.api.security;

/** The roles a portal user can hold. Stored and sent by {@link #name()}. */
public enum Role {
    /** City-level platform administrator (平台管理员). */
    PLATFORM_ADMIN,
    /** Administrator of a district or industry union (区级管理员). */
    DISTRICT_ADMIN,
    /** Operator of a grassroots union (基层工会经办人). */
    UNION_OPERATOR,
    /** Expert reviewer (评委/审核人). */
    REVIEWER,
    /** A union member using self-service (会员). */
    MEMBER
}
