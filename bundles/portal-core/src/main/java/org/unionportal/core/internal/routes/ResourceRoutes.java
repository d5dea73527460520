package org.unionportal.core.internal.routes;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

/**
 * The routes a JAX-RS resource class declares, by reflection: each public resource method with its
 * HTTP method, its template below the application ({@code /fixture/items/{id}}) and who may call
 * it. Annotations inherited from a superclass or interface count, as in JAX-RS. Sub-resource
 * locators (a {@code @Path} without an HTTP method) are not followed: the portal has none.
 */
public final class ResourceRoutes {
    private ResourceRoutes() {
    }

    /** One resource method of a class. */
    public record Declared(String method, String path, RouteAccess access) {
    }

    public static List<Declared> of(Class<?> type) {
        Path classPath = classAnnotation(type, Path.class);
        List<Declared> routes = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            Method annotated = annotatedMethod(type, method);
            String httpMethod = annotated == null ? null : httpMethod(annotated);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            routes.add(new Declared(httpMethod,
                    RouteTemplates.join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value()),
                    RouteAccess.of(method, type)));
        }
        routes.sort(Comparator.comparing(Declared::path).thenComparing(Declared::method));
        return routes;
    }

    /** The declaration carrying the JAX-RS annotations of {@code method}: itself or what it overrides. */
    static Method annotatedMethod(Class<?> type, Method method) {
        if (isResourceMethod(method)) {
            return method;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method found = declared(c, method);
            if (found != null && isResourceMethod(found)) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                Method fromInterface = declared(i, method);
                if (fromInterface != null && isResourceMethod(fromInterface)) {
                    return fromInterface;
                }
            }
        }
        return null;
    }

    private static Method declared(Class<?> c, Method like) {
        try {
            return c.getDeclaredMethod(like.getName(), like.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isResourceMethod(Method method) {
        return httpMethod(method) != null || method.isAnnotationPresent(Path.class);
    }

    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A classAnnotation(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getAnnotation(annotation);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                A fromInterface = i.getAnnotation(annotation);
                if (fromInterface != null) {
                    return fromInterface;
                }
            }
        }
        return null;
    }
}
