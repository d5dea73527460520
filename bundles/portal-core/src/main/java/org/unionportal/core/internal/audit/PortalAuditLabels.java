package org.unionportal.core.internal.audit;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.audit.AuditLabels;
import org.unionportal.api.i18n.Text;

/** What the portal's own entries (module {@code portal}: notices, accounts, the member register, module switches) are called. */
@Component(service = AuditLabels.class)
public class PortalAuditLabels implements AuditLabels {
    private static final Map<String, Text> RECORD_TYPES = Map.of(
            "notice", Text.of("通知公告", "Notice"),
            "account", Text.of("账号", "Account"),
            "member", Text.of("会员", "Member"),
            "module-switch", Text.of("功能开关", "Module switch"));
    private static final Map<String, Text> ACTIONS = Map.ofEntries(
            Map.entry("PUBLISH", Text.of("发布", "Publish")),
            Map.entry("WITHDRAW", Text.of("撤回", "Withdraw")),
            Map.entry("LOGIN", Text.of("登录", "Sign in")),
            Map.entry("LOGIN_FAILED", Text.of("登录失败", "Failed sign-in")),
            Map.entry("LOGOUT", Text.of("退出登录", "Sign out")),
            Map.entry("PASSWORD_CHANGED", Text.of("修改密码", "Password changed")),
            Map.entry("PASSWORD_RESET", Text.of("重置密码", "Password reset")),
            Map.entry("REGISTER", Text.of("登记", "Register")),
            Map.entry("CREATE", Text.of("新建", "Create")),
            Map.entry("UPDATE", Text.of("修改", "Change")),
            Map.entry("ADOPT", Text.of("接收", "Adopt")),
            Map.entry("LINK", Text.of("关联", "Link")),
            Map.entry("UNLINK", Text.of("取消关联", "Unlink")),
            Map.entry("TRANSFER", Text.of("转移", "Transfer")),
            Map.entry("IMPORT", Text.of("导入", "Import")),
            Map.entry("SWITCH_ON", Text.of("开启", "Switch on")),
            Map.entry("SWITCH_OFF", Text.of("关闭", "Switch off")));

    private static final Map<String, Text> FIELDS = Map.ofEntries(
            Map.entry("title", Text.of("标题", "Title")),
            Map.entry("on", Text.of("开启", "On")),
            Map.entry("module", Text.of("模块", "Module")),
            Map.entry("orgId", Text.of("所属组织", "Organisation")),
            Map.entry("name", Text.of("姓名", "Name")),
            Map.entry("idNumber", Text.of("身份证号", "ID number")),
            Map.entry("phone", Text.of("手机号", "Phone")),
            Map.entry("categories", Text.of("类别", "Categories")),
            Map.entry("occupation", Text.of("职业", "Occupation")),
            Map.entry("status", Text.of("状态", "Status")),
            Map.entry("note", Text.of("说明", "Note")),
            Map.entry("detail", Text.of("说明", "Detail")));

    @Override
    public Map<String, Text> fields() {
        return FIELDS;
    }

    @Override
    public String module() {
        return "portal";
    }

    @Override
    public Text name() {
        return Text.of("门户", "Portal");
    }

    @Override
    public Map<String, Text> recordTypes() {
        return RECORD_TYPES;
    }

    @Override
    public Map<String, Text> actions() {
        return ACTIONS;
    }
}
