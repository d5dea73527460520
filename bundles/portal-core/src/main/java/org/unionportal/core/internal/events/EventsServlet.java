package org.unionportal.core.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.servlet.AsyncContext;
import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.modules.ModuleRegistry;
import org.unionportal.core.internal.rest.AuthResource;
import org.unionportal.core.internal.security.Accounts;

/**
 * Server-sent events at {@code /events}: the shell listens and reloads its menu when a module,
 * menu entry or REST resource comes or goes. Changes that arrive together (a feature install
 * registers many services) are sent as one event after a short quiet time.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("union-portal-events")
@HttpWhiteboardServletPattern("/events")
@HttpWhiteboardServletAsyncSupported
public class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long DEBOUNCE_MILLIS = 150;
    private static final long HEARTBEAT_SECONDS = 15;

    private final transient Set<AsyncContext> clients = ConcurrentHashMap.newKeySet();
    private final transient ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "union-portal-events");
        t.setDaemon(true);
        return t;
    });
    private final transient AtomicBoolean pending = new AtomicBoolean();
    private final transient Set<String> pendingModules = ConcurrentHashMap.newKeySet();
    private transient ScheduledFuture<?> heartbeat;
    private final transient Consumer<ModuleRegistry.ModuleChange> listener = this::changed;

    @Reference
    transient Accounts accounts;
    @Reference
    transient ModuleRegistry modules;

    @Activate
    void activate() {
        modules.addListener(listener);
        heartbeat = timer.scheduleAtFixedRate(() -> sendToAll(": keep-alive\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        modules.removeListener(listener);
        heartbeat.cancel(false);
        timer.shutdownNow();
        clients.forEach(c -> {
            try {
                c.complete();
            } catch (RuntimeException alreadyDone) {
                // the client went away first
            }
        });
        clients.clear();
    }

    private void changed(ModuleRegistry.ModuleChange change) {
        if (change.module() != null) {
            pendingModules.add(change.module());
        }
        if (pending.compareAndSet(false, true)) {
            timer.schedule(this::flush, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        pending.set(false);
        String names = String.join(",", pendingModules.stream().sorted().map(org.unionportal.api.web.Escape::json).toList());
        pendingModules.clear();
        sendToAll("event: modules\ndata: {\"modules\":[" + names + "]}\n\n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalUser> user = token(request).flatMap(accounts::authenticate);
        if (user.isEmpty()) {
            HttpProblems.send(request, response, 401, "not_signed_in", Text.of("请先登录；实时菜单需要登录后才能使用。",
                    "Sign in first; the live menu needs a session."));
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        clients.add(async);
        send(async, "retry: 3000\n: connected\n\n");
    }

    private static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (AuthResource.SESSION_COOKIE.equals(cookie.getName())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private void sendToAll(String message) {
        clients.forEach(c -> send(c, message));
    }

    private void send(AsyncContext client, String message) {
        try {
            synchronized (client) {
                var out = client.getResponse().getOutputStream();
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            clients.remove(client);
            try {
                client.complete();
            } catch (RuntimeException alreadyDone) {
                // nothing more to close
            }
        }
    }
}
