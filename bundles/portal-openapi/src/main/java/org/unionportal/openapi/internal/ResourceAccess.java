package org.unionportal.openapi.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;

/**
 * Who may call each resource method of a class, by the kit's {@link Public} and {@link RolesAllowed}
 * (the method's annotation wins over the class's), with the method's HTTP method and path template
 * as swagger-core writes it (regular expressions of parameters left out).
 */
final class ResourceAccess {
    private ResourceAccess() {
    }

    /** Anyone ({@code roles} empty), any signed-in user ({@code roles} empty), or the named roles. */
    enum Kind { PUBLIC, SIGNED_IN, ROLES }

    record Operation(String method, String path, Kind kind, List<Role> roles) {
    }

    static List<Operation> of(Class<?> type) {
        Path classPath = annotation(type, Path.class);
        List<Operation> operations = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            Method annotated = annotated(type, method);
            String http = annotated == null ? null : httpMethod(annotated);
            if (http == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            String path = path(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
            operations.add(access(http, path, annotated, type));
        }
        return operations;
    }

    private static Operation access(String http, String path, Method method, Class<?> type) {
        if (method.isAnnotationPresent(Public.class)) {
            return new Operation(http, path, Kind.PUBLIC, List.of());
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !type.isAnnotationPresent(Public.class)) {
            roles = annotation(type, RolesAllowed.class);
        }
        if (roles == null) {
            return new Operation(http, path, type.isAnnotationPresent(Public.class) ? Kind.PUBLIC : Kind.SIGNED_IN, List.of());
        }
        return new Operation(http, path, Kind.ROLES, Arrays.asList(roles.value()));
    }

    /** {@code /fixture} + {@code /items/{id: [0-9]+}} is {@code /fixture/items/{id}}. */
    static String path(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The declaration carrying the JAX-RS annotations: the method itself or what it overrides. */
    private static Method annotated(Class<?> type, Method method) {
        if (httpMethod(method) != null) {
            return method;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Class<?>> candidates = new ArrayList<>(List.of(c));
            candidates.addAll(List.of(c.getInterfaces()));
            for (Class<?> candidate : candidates) {
                try {
                    Method found = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    if (httpMethod(found) != null) {
                        return found;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared here: look further up
                }
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getAnnotation(annotation);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.getAnnotation(annotation) != null) {
                    return i.getAnnotation(annotation);
                }
            }
        }
        return null;
    }
}
