package org.unionportal.openapi.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionportal.api.rest.PortalResources;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.security.Role;

/**
 * Builds the OpenAPI 3 description of the given resources: swagger-core's JAX-RS {@link Reader} writes the
 * paths, parameters and the request and answer schemas from the resources' records; this adds what the
 * reader cannot know: who may call each operation ({@code @Public}, any signed-in user, or
 * {@code @RolesAllowed}, as {@code security} and {@code x-roles}), the module as the tag, and the portal's
 * problem answers ({@code application/problem+json}). Pure: no OSGi, so it is unit-tested directly.
 */
final class OpenApiDocument {
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    private OpenApiDocument() {
    }

    static OpenAPI build(Collection<PortalResources.Resource> resources, String version) {
        List<PortalResources.Resource> sorted = resources.stream().sorted(Comparator.comparing(r -> r.type().getName())).toList();
        Set<Class<?>> classes = sorted.stream().map(PortalResources.Resource::type).collect(Collectors.toCollection(LinkedHashSet::new));
        SwaggerConfiguration config = new SwaggerConfiguration().openAPI(new OpenAPI()).sortOutput(true).readAllResources(true);
        OpenAPI api = new Reader(config).read(classes);
        api.info(new Info().title("工会服务门户 API / Union Portal API").version(version).description(
                "Every REST resource served right now: the list follows the modules as they are installed and "
                        + "uninstalled. Sign in with POST /auth/login and send the token as `Authorization: "
                        + "Bearer <token>`. Errors are `application/problem+json` with a stable `code` and a message in "
                        + "the caller's language (`Accept-Language`)."))
                .servers(List.of(new Server().url(PortalRest.APPLICATION_BASE)));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSchemas("ProblemError", new ObjectSchema().description("One invalid field of a 422 answer.")
                        .addProperty("field", new StringSchema()).addProperty("code", new StringSchema())
                        .addProperty("message", new StringSchema()))
                .addSchemas(PROBLEM, problemSchema()));
        for (PortalResources.Resource resource : sorted) {
            for (ResourceAccess.Operation access : ResourceAccess.of(resource.type())) {
                io.swagger.v3.oas.models.Operation operation = operation(api, access);
                if (operation != null) {
                    describe(operation, access, resource.module());
                }
            }
        }
        return api;
    }

    static String json(OpenAPI api) {
        return Json.pretty(api);
    }

    private static io.swagger.v3.oas.models.Operation operation(OpenAPI api, ResourceAccess.Operation access) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(access.path());
        if (item == null) {
            return null;
        }
        try {
            return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(access.method().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknownMethod) {
            return null;
        }
    }

    private static void describe(io.swagger.v3.oas.models.Operation operation, ResourceAccess.Operation access, String module) {
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTagsItem(module);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        String who;
        switch (access.kind()) {
            case PUBLIC -> {
                who = "任何人 / anyone";
                operation.setSecurity(List.of());
            }
            case SIGNED_IN -> {
                who = "已登录用户 / any signed-in user";
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                responses.addApiResponse("401", problem("未登录或登录已失效 / Not signed in"));
            }
            default -> {
                who = access.roles().stream().map(Role::name).collect(Collectors.joining(", "));
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                responses.addApiResponse("401", problem("未登录或登录已失效 / Not signed in"));
                responses.addApiResponse("403", problem("角色不允许 / None of the roles " + who));
            }
        }
        operation.addExtension("x-roles", access.roles().stream().map(Role::name).toList());
        operation.addExtension("x-access", access.kind().name());
        responses.addApiResponse("4XX", problem("请求未被接受（问题详情）/ Not served: a problem with a stable code"));
        String line = "谁可调用 / Who may call: " + who;
        operation.setDescription(operation.getDescription() == null ? line : operation.getDescription() + "\n\n" + line);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PortalRest.PROBLEM_JSON,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details: a stable code, the message in the caller's one language.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("code", new StringSchema().example("fixture_item_not_found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError")))
                .required(List.of("type", "code", "title", "status", "detail"));
    }
}
