package org.unionportal.webconsole.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.security.Role;

/** Hand-made fakes (dynamic proxies) of the servlet, Karaf and OSGi interfaces the plugin uses. */
final class Fixtures {
    private Fixtures() {
    }

    static ModuleInfo module(String id, long bundleId) {
        MenuEntry entry = new MenuEntry(id + ".home", "首页<" + id + ">", "Home", "home", id, "/modules/" + id + "/home.js",
                "services", 10, Set.of(Role.MEMBER, Role.PLATFORM_ADMIN));
        return new ModuleInfo(id, "互助" + id, "Mutual aid " + id, "0.1.0", bundleId, "org.example." + id,
                "ACTIVE", List.of("/api/" + id), "/modules/" + id + "/", List.of(entry));
    }

    static Feature feature(String name, String version, String description, String... locations) {
        List<BundleInfo> bundles = new ArrayList<>();
        for (String location : locations) {
            bundles.add(proxy(BundleInfo.class, (method, args) ->
                    "getLocation".equals(method) ? location : null));
        }
        return proxy(Feature.class, (method, args) -> switch (method) {
            case "getName" -> name;
            case "getVersion" -> version;
            case "getDescription" -> description;
            case "getBundles" -> bundles;
            default -> null;
        });
    }

    /** A features service over a fixed list; records what was installed and uninstalled. */
    static final class Features {
        final List<Feature> features = new ArrayList<>();
        final Set<String> installed = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        Exception failure;

        FeaturesService service() {
            return proxy(FeaturesService.class, (method, args) -> {
                switch (method) {
                    case "listFeatures":
                        return features.toArray(new Feature[0]);
                    case "isInstalled":
                        return installed.contains(((Feature) args[0]).getName());
                    case "installFeature":
                    case "uninstallFeature":
                        calls.add(method + " " + args[0] + " " + args[1]);
                        if (failure != null) {
                            throw failure;
                        }
                        if (method.equals("installFeature")) {
                            installed.add((String) args[0]);
                        } else {
                            installed.remove(args[0]);
                        }
                        return null;
                    default:
                        throw new UnsupportedOperationException(method);
                }
            });
        }
    }

    /** A bundle context knowing the bundles installed at the given locations. */
    static BundleContext context(Map<String, Long> bundleIds) {
        return proxy(BundleContext.class, (method, args) -> {
            if (!"getBundle".equals(method) || args.length != 1 || !(args[0] instanceof String location)) {
                throw new UnsupportedOperationException(method);
            }
            Long id = bundleIds.get(location);
            return id == null ? null : proxy(Bundle.class, (m, a) -> switch (m) {
                case "getBundleId" -> id;
                case "getSymbolicName" -> "bundle" + id;
                case "getState" -> Bundle.ACTIVE;
                default -> null;
            });
        });
    }

    static final class Request {
        String pathInfo = "/union-modules";
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String> params = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>(Map.of(
                "felix.webconsole.pluginRoot", "/system/console/union-modules"));

        HttpServletRequest build() {
            return proxy(HttpServletRequest.class, (method, args) -> switch (method) {
                case "getPathInfo" -> pathInfo;
                case "getRequestURI" -> "/system/console" + pathInfo;
                case "getContextPath" -> "";
                case "getServletPath" -> "/system/console";
                case "getHeader" -> headers.get((String) args[0]);
                case "getParameter" -> params.get((String) args[0]);
                case "getAttribute" -> attributes.get((String) args[0]);
                case "getMethod" -> "POST";
                default -> null;
            });
        }
    }

    static final class Response {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body);

        HttpServletResponse build() {
            return proxy(HttpServletResponse.class, (method, args) -> {
                switch (method) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "setContentType" -> contentType = (String) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                        return writer;
                    }
                    default -> {
                    }
                }
                return null;
            });
        }

        String body() {
            writer.flush();
            return body.toString();
        }
    }

    static EnumSet<FeaturesService.Option> noRefresh() {
        return EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    }

    interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(Fixtures.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> p == args[0];
                            case "hashCode" -> System.identityHashCode(p);
                            default -> type.getSimpleName() + "@fake";
                        };
                    }
                    Object result = handler.handle(method.getName(), args == null ? new Object[0] : args);
                    Class<?> rt = method.getReturnType();
                    if (result != null || !rt.isPrimitive() || rt == void.class) {
                        return result;
                    }
                    if (rt == boolean.class) {
                        return Boolean.FALSE;
                    }
                    return rt == long.class ? (Object) 0L : (Object) 0;
                });
    }
}
