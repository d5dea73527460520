package org.unionportal.webconsole.internal;

/**
 * The outcome of an install or uninstall, carried to the page in the redirect's query.
 *
 * @param ok   whether the action succeeded
 * @param text what to show (already bilingual)
 */
public record StatusMessage(boolean ok, String text) {
    public static final String STATUS_PARAM = "status";
    public static final String MESSAGE_PARAM = "message";
    /** Long resolution errors are cut so the redirect URL stays small. */
    public static final int MAX_LENGTH = 1000;

    public StatusMessage {
        text = text == null ? "" : text;
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH) + "…";
        }
    }

    /** {@code status=ok|error&message=...}, URL-encoded. */
    public String toQuery() {
        return STATUS_PARAM + "=" + (ok ? "ok" : "error") + "&" + MESSAGE_PARAM + "=" + Escaping.url(text);
    }

    /** The message given by the request's query parameters, or {@code null} when there is none. */
    public static StatusMessage fromParameters(String status, String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        return new StatusMessage("ok".equals(status), message);
    }

    public static StatusMessage success(String action, String feature) {
        return "install".equals(action)
                ? new StatusMessage(true, "已安装 " + feature + " / Installed " + feature)
                : new StatusMessage(true, "已卸载 " + feature + " / Uninstalled " + feature);
    }

    public static StatusMessage failure(String action, String feature, Throwable error) {
        String reason = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName()
                : error.getMessage();
        String what = "install".equals(action)
                ? "安装 " + feature + " 失败 / Installing " + feature + " failed"
                : "卸载 " + feature + " 失败 / Uninstalling " + feature + " failed";
        return new StatusMessage(false, what + ": " + reason);
    }
}
