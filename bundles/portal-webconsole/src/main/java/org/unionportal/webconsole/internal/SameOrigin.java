package org.unionportal.webconsole.internal;

import java.net.URI;
import java.util.Locale;

/**
 * CSRF check for the console's POSTs: the page that sent the request must be served by the host the
 * request went to. Browsers send {@code Origin} with every cross-origin POST, so a request carrying
 * neither {@code Origin} nor {@code Referer} comes from a non-browser client and is let through (the
 * console's authentication still applies).
 */
public final class SameOrigin {
    private SameOrigin() {
    }

    /**
     * @param host    the request's {@code Host} header
     * @param origin  the {@code Origin} header, may be {@code null}
     * @param referer the {@code Referer} header, may be {@code null}
     */
    public static boolean allowed(String host, String origin, String referer) {
        String source = present(origin) ? origin : present(referer) ? referer : null;
        if (source == null) {
            return true;
        }
        if (!present(host)) {
            return false;
        }
        Authority from = Authority.ofUrl(source.trim());
        if (from == null) {
            return false;
        }
        Authority to = Authority.ofHost(host.trim(), from.scheme);
        return from.equals(to);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }

    private record Authority(String scheme, String host, int port) {
        static Authority ofUrl(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                    return null;
                }
                return new Authority(scheme, uri.getHost().toLowerCase(Locale.ROOT), port(uri.getPort(), scheme));
            } catch (Exception e) {
                return null;
            }
        }

        static Authority ofHost(String host, String scheme) {
            Authority a = ofUrl(scheme + "://" + host + "/");
            // a Host header carrying more than host[:port] is not a host
            if (a == null || host.contains("/") || host.contains("@")) {
                return null;
            }
            return a;
        }

        private static int port(int port, String scheme) {
            return port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
        }
    }
}
