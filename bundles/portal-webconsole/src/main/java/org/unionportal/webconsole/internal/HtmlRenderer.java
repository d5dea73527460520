package org.unionportal.webconsole.internal;

import static org.unionportal.webconsole.internal.Escaping.html;

import java.util.List;
import java.util.stream.Collectors;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.module.ModuleInfo;

/** The content of the "工会模块 / Union modules" page (inside the console's frame). Everything is escaped. */
public final class HtmlRenderer {
    private HtmlRenderer() {
    }

    /**
     * @param features      the module features, in display order
     * @param coreAvailable whether the portal core's {@code PortalModules} is there
     * @param status        message of the last action, may be {@code null}
     * @param error         why the features could not be listed, {@code null} when they could
     * @param actionUrl     where the install and uninstall forms post to
     */
    public static String page(List<FeatureView> features, boolean coreAvailable, StatusMessage status,
                              String error, String actionUrl) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<div id=\"union-modules\">\n");
        if (status != null) {
            out.append("<p class=\"statline ").append(status.ok() ? "ui-state-highlight" : "ui-state-error")
                    .append("\" id=\"union-modules-status\" data-ok=\"").append(status.ok()).append("\">")
                    .append(html(status.text())).append("</p>\n");
        }
        if (error != null) {
            out.append("<p class=\"statline ui-state-error\" id=\"union-modules-error\">")
                    .append("无法列出功能 / Cannot list features: ").append(html(error)).append("</p>\n");
            return out.append("</div>\n").toString();
        }
        if (!coreAvailable) {
            out.append("<p class=\"statline ui-state-error\" id=\"union-modules-core\">")
                    .append("门户核心未运行，模块详情不可用 / The portal core is not running; module details are unavailable")
                    .append("</p>\n");
        }
        long installed = features.stream().filter(FeatureView::installed).count();
        out.append("<p class=\"statline\">共 ").append(features.size()).append(" 个模块功能，已安装 ")
                .append(installed).append(" 个 / ").append(features.size()).append(" module features, ")
                .append(installed).append(" installed</p>\n");
        if (features.isEmpty()) {
            out.append("<p>没有工会模块功能 / No union module features</p>\n");
            return out.append("</div>\n").toString();
        }
        out.append("<table class=\"nicetable\" id=\"union-modules-table\">\n<thead><tr>")
                .append("<th>功能 / Feature</th><th>版本 / Version</th><th>说明 / Description</th>")
                .append("<th>已安装 / Installed</th><th>包 / Bundles</th><th>模块 / Module</th>")
                .append("<th>操作 / Action</th></tr></thead>\n<tbody>\n");
        for (FeatureView f : features) {
            row(out, f, actionUrl);
        }
        out.append("</tbody>\n</table>\n</div>\n");
        return out.toString();
    }

    private static void row(StringBuilder out, FeatureView f, String actionUrl) {
        out.append("<tr data-feature=\"").append(html(f.name())).append("\">");
        out.append("<td>").append(html(f.name())).append("</td>");
        out.append("<td>").append(html(f.version())).append("</td>");
        out.append("<td>").append(html(f.description())).append("</td>");
        out.append("<td>").append(f.installed() ? "是 / yes" : "否 / no").append("</td>");
        out.append("<td>");
        bundles(out, f.bundles());
        out.append("</td><td>");
        modules(out, f.modules());
        out.append("</td><td>");
        button(out, f, actionUrl);
        out.append("</td></tr>\n");
    }

    private static void bundles(StringBuilder out, List<BundleView> bundles) {
        if (bundles.isEmpty()) {
            out.append("—");
            return;
        }
        out.append("<ul>");
        for (BundleView b : bundles) {
            out.append("<li>");
            if (b.installed()) {
                out.append('[').append(b.id()).append("] ").append(html(b.symbolicName()));
            } else {
                out.append(html(b.location()));
            }
            out.append(" <span class=\"bundle-state\">").append(html(b.state())).append("</span></li>");
        }
        out.append("</ul>");
    }

    private static void modules(StringBuilder out, List<ModuleInfo> modules) {
        if (modules.isEmpty()) {
            out.append("—");
            return;
        }
        for (ModuleInfo m : modules) {
            out.append("<div class=\"union-module\" data-module=\"").append(html(m.id())).append("\">")
                    .append("<strong>").append(html(m.nameZh())).append(" / ").append(html(m.nameEn()))
                    .append("</strong> (").append(html(m.id())).append(")<br>")
                    .append("REST: ")
                    .append(m.restBases().isEmpty() ? "—" : html(String.join(", ", m.restBases())))
                    .append("<br>菜单 / Menu:");
            if (m.menuEntries().isEmpty()) {
                out.append(" —");
            } else {
                out.append("<ul>");
                for (MenuEntry e : m.menuEntries()) {
                    List<String> roles = JsonRenderer.roleNames(e);
                    out.append("<li>").append(html(e.labelZh())).append(" (").append(html(e.id())).append(") — ")
                            .append(roles.isEmpty()
                                    ? "所有登录用户 / all signed-in users"
                                    : html(roles.stream().collect(Collectors.joining(", "))))
                            .append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</div>");
        }
    }

    /** The confirmation shown before an uninstall: what goes, what stays, how to undo it. */
    static String uninstallQuestion(String feature) {
        return "卸载 " + feature + "？该模块的菜单项、REST 接口和页面将立即对所有用户移除，其他包不会重启；"
                + "模块数据保留在数据库中，重新安装即可恢复。\n"
                + "Uninstall " + feature + "? Its menu entries, REST resources and pages go at once for every user; "
                + "no other bundle is restarted; its data stays in the database and installing it again brings it back.";
    }

    private static void button(StringBuilder out, FeatureView f, String actionUrl) {
        String action = f.installed() ? "uninstall" : "install";
        out.append("<form method=\"post\" action=\"").append(html(actionUrl)).append("\"");
        if (f.installed()) {
            // The browser asks before anything is removed, and says what removing does.
            out.append(" class=\"union-uninstall\" data-confirm=\"").append(html(uninstallQuestion(f.name())))
                    .append("\" onsubmit=\"return window.confirm(this.getAttribute('data-confirm'))\"");
        }
        out.append(">")
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"feature\" value=\"").append(html(f.name())).append("\">")
                .append("<button type=\"submit\" class=\"ui-state-default ui-corner-all\">")
                .append(f.installed() ? "卸载 / Uninstall" : "安装 / Install")
                .append("</button></form>");
    }
}
