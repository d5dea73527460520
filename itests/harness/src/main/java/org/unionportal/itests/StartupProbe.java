package org.unionportal.itests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Requests sent over and over while a portal starts, as a browser sends them ({@code Accept: text/html}), from before
 * Jetty listens until {@link #close}: what each answered. For tests of what the portal answers before it is ready
 * (Jetty listens seconds before the core's error handling is there). Polls in a thread of its own; a refused
 * connection (nothing listens yet) is no answer.
 */
public final class StartupProbe implements AutoCloseable {
    /** One answer: the path asked, the status, the Content-Type ("" without one) and the start of the body. */
    public record Answer(String path, int status, String contentType, String bodyStart) {
        public boolean isError() {
            return status >= 400;
        }

        public boolean looksLikeHtml() {
            return contentType.toLowerCase().startsWith("text/html") || bodyStart.toLowerCase().contains("<html");
        }
    }

    private static final Duration EVERY = Duration.ofMillis(100);
    private final Distribution portal;
    private final List<String> paths;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;
    private volatile boolean running = true;

    private StartupProbe(Distribution portal, List<String> paths) {
        this.portal = portal;
        this.paths = List.copyOf(paths);
        this.thread = new Thread(this::poll, "startup-probe-" + portal.name());
        thread.setDaemon(true);
    }

    /** Starts asking {@code paths} of {@code portal} (not started yet, or starting) in turn. */
    public static StartupProbe polling(Distribution portal, String... paths) {
        StartupProbe probe = new StartupProbe(portal, List.of(paths));
        probe.thread.start();
        return probe;
    }

    /** Every answer so far, in order. */
    public List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    private void poll() {
        while (running) {
            for (String path : paths) {
                ask(path);
            }
            Distribution.sleep(EVERY.toMillis()); // a polling interval, not a wait for a condition
        }
    }

    private void ask(String path) {
        HttpRequest request = HttpRequest.newBuilder(portal.api().base().resolve(path)).timeout(Duration.ofSeconds(5))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            answers.add(new Answer(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.substring(0, Math.min(body.length(), 200))));
        } catch (IOException nothingListensYet) {
            // before Jetty listens, or while it stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops asking (waits for the request under way). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
