package org.unionportal.mutualaid.internal.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.unionportal.api.money.Money;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.web.Escape;
import org.unionportal.mutualaid.internal.reminders.Outbox;

/** The content of the "互助保障 / Mutual aid" console page (inside the console's frame). Everything is escaped. */
public final class ConsoleHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(PortalTime.ZONE);

    private ConsoleHtml() {
    }

    /**
     * @param f         the figures, or {@code null} when they could not be read
     * @param error     why they could not be read, or {@code null}
     * @param jsonUrl   the address of the same figures as JSON
     */
    public static String page(ConsoleFigures f, String error, String jsonUrl) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<div id=\"mutual-aid-console\">\n");
        if (f == null) {
            out.append("<p class=\"statline ui-state-error\" id=\"mutual-aid-error\">无法读取数据 / Cannot read the figures: ")
                    .append(html(error)).append("</p>\n</div>\n");
            return out.toString();
        }
        out.append("<p class=\"statline\">互助保障概况（全市，只读） / Mutual aid at a glance (whole union tree, read-only) — ")
                .append(html(time(f.generatedAt()))).append(" · <a href=\"").append(html(jsonUrl)).append("\">JSON</a></p>\n");

        section(out, "当前保障项目 / Current plans");
        out.append("<p id=\"mutual-aid-plans\">").append(f.currentPlans()).append("</p>\n");

        section(out, "参保 / Enrolments");
        table(out, "mutual-aid-enrolments", List.of("状态 / Status", "人次 / Enrolments"));
        long enrolments = 0;
        for (Map.Entry<String, Long> e : f.enrolmentsByStatus().entrySet()) {
            row(out, e.getKey(), html(e.getKey()), String.valueOf(e.getValue()));
            enrolments += e.getValue();
        }
        row(out, "TOTAL", "合计 / Total", String.valueOf(enrolments));
        endTable(out);

        section(out, "理赔 / Claims");
        table(out, "mutual-aid-claims", List.of("状态 / Status", "件数 / Claims", "核算金额(元) / Computed (CNY)",
                "核定金额(元) / Approved (CNY)"));
        long count = 0;
        long computed = 0;
        long approved = 0;
        for (Map.Entry<String, ConsoleFigures.ClaimSums> e : f.claimsByStatus().entrySet()) {
            ConsoleFigures.ClaimSums s = e.getValue();
            row(out, e.getKey(), html(e.getKey()), String.valueOf(s.count()), Money.yuan(s.computedFen()), Money.yuan(s.approvedFen()));
            count += s.count();
            computed += s.computedFen();
            approved += s.approvedFen();
        }
        row(out, "TOTAL", "合计 / Total", String.valueOf(count), Money.yuan(computed), Money.yuan(approved));
        endTable(out);

        section(out, "支付批次 / Payout batches");
        table(out, "mutual-aid-payouts", List.of("批次 / Batches", "件数 / Claims", "金额(元) / Amount (CNY)",
                "最近 / Last"));
        ConsoleFigures.Payouts p = f.payouts();
        row(out, "PAYOUTS", String.valueOf(p.batches()), String.valueOf(p.claims()), Money.yuan(p.totalFen()),
                html(time(p.lastCreatedAt())));
        endTable(out);

        section(out, "提醒短信 / Reminders");
        ConsoleFigures.Senders senders = f.senders();
        out.append("<p id=\"mutual-aid-sender\">发送方式 / Sender: <strong>").append(html(senders.active())).append("</strong>")
                .append(senders.builtIn() ? "（内置，写入日志 / built in: writes to the log）" : "");
        if (!senders.registered().isEmpty()) {
            out.append(" · 已注册 / Registered: ").append(html(String.join(", ", senders.registered())));
        }
        out.append("</p>\n");
        table(out, "mutual-aid-reminder-counts", List.of("待发送 / Pending", "已发送 / Sent", "失败 / Failed"));
        row(out, "REMINDERS", String.valueOf(f.remindersByStatus().getOrDefault(Outbox.PENDING, 0L)),
                String.valueOf(f.remindersByStatus().getOrDefault(Outbox.SENT, 0L)),
                String.valueOf(f.remindersByStatus().getOrDefault(Outbox.FAILED, 0L)));
        endTable(out);
        if (f.latestReminders().isEmpty()) {
            out.append("<p>没有提醒 / No reminders</p>\n");
        } else {
            out.append("<p>最近 ").append(f.latestReminders().size()).append(" 条 / Latest ")
                    .append(f.latestReminders().size()).append("</p>\n");
            table(out, "mutual-aid-reminders", List.of("#", "类型 / Kind", "会员 / Member", "手机 / Phone", "内容 / Message",
                    "状态 / Status", "尝试 / Attempts", "创建 / Created", "发送 / Sent", "发送方式 / Sender", "错误 / Last error"));
            for (ConsoleFigures.ReminderLine r : f.latestReminders()) {
                row(out, String.valueOf(r.id()), String.valueOf(r.id()), html(r.kind()), String.valueOf(r.memberId()),
                        html(r.phone()), html(r.message()), html(r.status()), String.valueOf(r.attempts()),
                        html(time(r.createdAt())), html(time(r.sentAt())), html(r.sender()), html(r.lastError()));
            }
            endTable(out);
        }
        return out.append("</div>\n").toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append("<h3>").append(html(title)).append("</h3>\n");
    }

    private static void table(StringBuilder out, String id, List<String> headers) {
        out.append("<table class=\"nicetable\" id=\"").append(html(id)).append("\">\n<thead><tr>");
        for (String h : headers) {
            out.append("<th>").append(html(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
    }

    /** A row; the cells are HTML already (escaped by the caller). */
    private static void row(StringBuilder out, String key, String... cells) {
        out.append("<tr data-key=\"").append(html(key)).append("\">");
        for (String cell : cells) {
            out.append("<td>").append(cell).append("</td>");
        }
        out.append("</tr>\n");
    }

    private static void endTable(StringBuilder out) {
        out.append("</tbody>\n</table>\n");
    }

    private static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    static String html(String text) {
        return Escape.html(text);
    }
}
