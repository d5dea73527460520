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

    private static final Duration EVERY = Duration.ofMillis(200);
    private final Distribution portal;
    private final List<String> paths;
    private final List<String> rawRequestLines;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;
    private volatile boolean running = true;

    private StartupProbe(Distribution portal, List<String> paths, List<String> rawRequestLines) {
        this.portal = portal;
        this.paths = List.copyOf(paths);
        this.rawRequestLines = List.copyOf(rawRequestLines);
        this.thread = new Thread(this::poll, "startup-probe-" + portal.name());
        thread.setDaemon(true);
    }

    /** Starts asking {@code paths} of {@code portal} (not started yet, or starting) in turn. */
    public static StartupProbe polling(Distribution portal, String... paths) {
        return polling(portal, List.of(paths), List.of());
    }

    /**
     * Also sends {@code rawRequestLines} as they are, over a socket (an HTTP client would clean up a malformed address
     * such as a NUL or an over-long path); their answers' "path" is the request line.
     */
    public static StartupProbe polling(Distribution portal, List<String> paths, List<String> rawRequestLines) {
        StartupProbe probe = new StartupProbe(portal, paths, rawRequestLines);
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
            for (String line : rawRequestLines) {
                askRaw(line);
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

    private void askRaw(String requestLine) {
        try {
            String answer = Api.raw(portal.api().base(), requestLine, "text/html,*/*;q=0.8");
            int status = Integer.parseInt(answer.substring(9, 12));
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type:\\s*(.*?)\\s*$").matcher(answer);
            int bodyAt = answer.indexOf("\r\n\r\n");
            String body = bodyAt < 0 ? "" : answer.substring(bodyAt + 4);
            answers.add(new Answer(requestLine.length() > 60 ? requestLine.substring(0, 60) + "…" : requestLine, status,
                    type.find() ? type.group(1) : "", body.substring(0, Math.min(body.length(), 200))));
        } catch (IOException | RuntimeException nothingListensYetOrNoAnswer) {
            // before Jetty listens, or while it stops
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
