package org.unionportal.core.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import javax.servlet.http.Cookie;
import org.unionportal.api.i18n.Text;
import org.unionportal.core.internal.events.HttpProblems;
import org.unionportal.core.internal.rest.AuthResource;
import org.unionportal.core.internal.security.Accounts;
import org.unionportal.core.internal.switches.ModuleSwitches;

/**
 * Serves each module's web pages from its own bundle: {@code /modules/<id>/<file>} is the module
 * bundle's resource {@code /web/<file>}. Pages vanish with their bundle, and answer 404 to a signed-in
 * user of an organisation that switched the module off.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("union-portal-module-pages")
@HttpWhiteboardServletPattern("/modules/*")
public class ModulePagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    transient ModuleRegistry modules;
    @Reference
    transient ModuleSwitches switches;
    @Reference
    transient Accounts accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String[]> parts = split(request.getPathInfo());
        if (parts.isEmpty()) {
            HttpProblems.send(request, response, 404, "page_not_found", Text.of("没有这个页面。", "No such page."));
            return;
        }
        if (switchedOffFor(request, parts.get()[0])) {
            HttpProblems.send(request, response, 404, "module_switched_off", Text.of(
                    "您所在的组织已关闭模块“" + parts.get()[0] + "”。",
                    "Module '" + parts.get()[0] + "' is switched off for your organisation."));
            return;
        }
        Optional<Bundle> bundle = modules.activeBundle(parts.get()[0]);
        URL entry = bundle.map(b -> b.getEntry("/web/" + parts.get()[1])).orElse(null);
        if (entry == null) {
            HttpProblems.send(request, response, 404, "page_not_found", Text.of(
                    "模块“" + parts.get()[0] + "”没有页面“" + parts.get()[1] + "”，或该模块未安装。",
                    "Module '" + parts.get()[0] + "' has no page '" + parts.get()[1] + "', or the module is not installed."));
            return;
        }
        response.setContentType(contentType(parts.get()[1]));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = entry.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** Whether the signed-in caller (session cookie or bearer token) belongs to an organisation that switched the module off. */
    private boolean switchedOffFor(HttpServletRequest request, String module) {
        if (!switches.anySwitchedOff()) {
            return false;
        }
        String token = null;
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        } else if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (AuthResource.SESSION_COOKIE.equals(cookie.getName())) {
                    token = cookie.getValue();
                }
            }
        }
        if (token == null || token.isEmpty()) {
            return false;
        }
        return accounts.authenticate(token).map(u -> switches.isOff(module, u.orgPath())).orElse(false);
    }

    /** {@code /fixture/items.js} becomes {@code [fixture, items.js]}; anything odd is refused. */
    static Optional<String[]> split(String pathInfo) {
        if (pathInfo == null || pathInfo.contains("..") || pathInfo.contains("\\") || pathInfo.contains("//")) {
            return Optional.empty();
        }
        String p = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        int slash = p.indexOf('/');
        if (slash <= 0 || slash == p.length() - 1) {
            return Optional.empty();
        }
        String module = p.substring(0, slash);
        String file = p.substring(slash + 1);
        if (!module.matches("[a-z0-9][a-z0-9-]{0,62}") || !file.matches("[A-Za-z0-9._/-]+") || file.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {module, file});
    }

    static String contentType(String file) {
        String name = file.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }
}
