package org.unionportal.api.menu;

/** Keys of the menu groups the core always provides. */
public final class MenuGroups {
    /** Services for workers run by the union (互助保障, 帮扶, 托管 ...). */
    public static final String SERVICES = "services";
    /** A member's own things (我的). */
    public static final String SELF = "self";
    /** Review and approval work (审核). */
    public static final String REVIEW = "review";
    /** Administration and figures (管理). */
    public static final String ADMIN = "admin";

    private MenuGroups() {
    }
}
