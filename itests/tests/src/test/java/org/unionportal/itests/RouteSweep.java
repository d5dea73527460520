package org.unionportal.itests;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generic half of the route sweeps (TenancySweepIT, HostileSweepIT): every module installed, the portal's live routes (from {@code GET
 * /api/portal/system/routes}), the records a user sees when walking them, and the ids that fill a
 * route's path parameters. Nothing here knows a module.
 *
 * <p>Records are collected per path segment: the items of {@code GET /api/x/claims} are the
 * collection {@code claims}; an array field {@code documents} of any answer (a detail, {@code /me})
 * is the collection {@code documents}, remembered with the path parameters of the answer it came
 * from, so that {@code /claims/{id}/documents/{docId}} gets a document of that very claim. A list
 * answered as an object ({@code {"total": 3, "items": [...]}}) counts as its segment's collection.
 */
final class RouteSweep {

    private RouteSweep() {
    }

    /** Core features and the bundle of every module: never installed one by one. */
    static final Set<String> NOT_MODULE_FEATURES = Set.of("union-jaxrs", "union-persistence", "union-portal", "union-all");

    // ------------------------------------------------------------------------------ the live routes

    /**
     * Installs the fixture and every module feature that is not installed yet, and hands back what it
     * installed (for the caller to uninstall at the end, so that the next class finds the portal as it was).
     */
    static List<String> installEveryModule(Distribution portal) {
        List<String> installed = new ArrayList<>();
        if (!portal.fixtureInstalled()) {
            portal.installFixture();
            installed.add(Distribution.FIXTURE_FEATURE);
        }
        for (String feature : moduleFeatures(portal)) {
            if (!portal.featureInstalled(feature)) {
                String out = portal.shell("feature:install " + feature);
                assertFalse(out.contains("Error"), () -> "feature:install " + feature + ": " + out);
                installed.add(feature);
            }
        }
        return installed;
    }

    /** Every {@code union-*} feature that is a module: the core's own features, {@code union-all} and the fixture left out. */
    static List<String> moduleFeatures(Distribution portal) {
        Pattern name = Pattern.compile("(?m)^\\s*(union-[a-z0-9-]+)\\s");
        Matcher m = name.matcher(portal.shell("feature:list"));
        Set<String> features = new TreeSet<>();
        while (m.find()) {
            features.add(m.group(1));
        }
        features.removeAll(NOT_MODULE_FEATURES);
        features.remove(Distribution.FIXTURE_FEATURE);
        return List.copyOf(features);
    }

    /** The live routes ({@code GET /api/portal/system/routes}, as the platform admin), once every ACTIVE module has some. */
    static List<Route> awaitRoutes(Api api, String adminToken) {
        return Await.until("every active module to have its routes in /api/portal/system/routes", Await.MODULE_CHANGE,
                () -> routesOnceEveryModuleHasSome(api, adminToken), r -> r != null);
    }

    /** The listing, once each ACTIVE module of /api/portal/modules has routes in it (else null: wait). */
    private static List<Route> routesOnceEveryModuleHasSome(Api api, String admin) {
        List<Route> listed = new ArrayList<>();
        api.get("/api/portal/system/routes", admin).expect(200).json().forEach(n -> listed.add(Route.of(n)));
        Set<String> withRoutes = listed.stream().map(Route::module).collect(Collectors.toSet());
        for (JsonNode module : api.get("/api/portal/modules", admin).expect(200).json()) {
            if (module.path("state").asText().equals("ACTIVE") && !withRoutes.contains(module.path("id").asText())) {
                return null;
            }
        }
        return listed;
    }

    /** Every GET route a user can reach: without parameters, then (three rounds) with the ids seen so far. */
    static Sightings walk(Api api, List<Route> routes, String token) {
        Sightings sightings = new Sightings();
        for (Route route : routes) {
            if (route.isRead() && !route.takesParameters()) {
                json(api.get(route.path(), token)).ifPresent(answer -> sightings.add(route, Map.of(), answer));
            }
        }
        Set<String> called = new LinkedHashSet<>();
        for (int round = 0; round < 3; round++) {
            for (Route route : routes) {
                if (!route.isRead() || !route.takesParameters()) {
                    continue;
                }
                for (Binding binding : bindings(route, sightings)) {
                    String path = route.fill(binding.values());
                    if (called.add(path)) {
                        json(api.get(path, token)).ifPresent(answer -> {
                            sightings.answers.put(path, answer);
                            sightings.add(route, binding.values(), answer);
                        });
                    }
                }
            }
        }
        return sightings;
    }

    private static Optional<JsonNode> json(Api.Reply reply) {
        if (reply.status() != 200 || !reply.contentType().startsWith("application/json")) {
            return Optional.empty();
        }
        return Optional.of(reply.json());
    }

    // ------------------------------------------------------------------------------ records and ids

    /** Fields that wrap the items of a list answered as an object. */
    private static final Set<String> LIST_FIELDS = Set.of("items", "rows", "content", "data", "results");

    /** How many records fill each parameter: enough to see a pattern, few enough to stay quick. */
    static final int PER_PARAMETER = 2;

    /** One route of the listing. */
    record Route(String method, String path, List<String> parameters, String module, String access, List<String> roles,
                 List<String> consumes) {

        static Route of(JsonNode node) {
            return new Route(node.path("method").asText(), node.path("path").asText(), texts(node.path("parameters")),
                    node.path("module").asText(), node.path("access").asText(), texts(node.path("roles")),
                    texts(node.path("consumes")));
        }

        boolean isRead() {
            return method.equals("GET");
        }

        boolean takesParameters() {
            return !parameters.isEmpty();
        }

        List<String> segments() {
            return List.of(path.substring(1).split("/"));
        }

        /** The last literal segment: the collection a list route answers. */
        String collection() {
            List<String> segments = segments();
            for (int i = segments.size() - 1; i >= 0; i--) {
                if (!isParameter(segments.get(i))) {
                    return segments.get(i);
                }
            }
            return "";
        }

        /** The path with the binding's values in place of the parameters. */
        String fill(Map<String, String> values) {
            StringBuilder out = new StringBuilder();
            for (String segment : segments()) {
                out.append('/').append(isParameter(segment) ? values.get(name(segment)) : segment);
            }
            return out.toString();
        }

        /** "GET /api/x/{id}": how findings and allow-lists name the route. */
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String name(String segment) {
        return segment.substring(1, segment.length() - 1);
    }

    /** A record a user saw: its module, collection, the path parameters of the answer it came in, and the item. */
    record Found(String module, String collection, Map<String, String> context, JsonNode item) {
    }

    /** What one user saw while walking the routes. */
    static final class Sightings {
        final List<Found> records = new ArrayList<>();
        /** Every JSON answer to a GET with parameters, by concrete path: the owner's view of a record. */
        final Map<String, JsonNode> answers = new LinkedHashMap<>();

        /** Takes the records out of one JSON answer of {@code route} at the binding {@code context}. */
        void add(Route route, Map<String, String> context, JsonNode answer) {
            if (answer.isArray()) {
                addItems(route.module(), route.collection(), context, answer);
            } else if (answer.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = answer.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (isArrayOfObjects(field.getValue())) {
                        String collection = LIST_FIELDS.contains(field.getKey()) ? route.collection() : field.getKey();
                        addItems(route.module(), collection, context, field.getValue());
                    }
                }
            }
        }

        void addItems(String module, String collection, Map<String, String> context, JsonNode items) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    records.add(new Found(module, collection, Map.copyOf(context), item));
                }
            }
        }

        /** Whether this user saw a record of {@code collection} whose {@code field} is {@code value}. */
        boolean saw(String module, String collection, String field, String value) {
            return records.stream().anyMatch(r -> r.module().equals(module) && r.collection().equals(collection)
                    && value.equals(text(r.item().get(field))));
        }
    }

    private static boolean isArrayOfObjects(JsonNode node) {
        return node.isArray() && node.size() > 0 && node.get(0).isObject();
    }

    /** One way to fill a route's parameters, and the records whose ids it uses. */
    record Binding(Map<String, String> values, List<Use> uses) {
        Binding with(String parameter, String value, Use use) {
            Map<String, String> v = new LinkedHashMap<>(values);
            v.put(parameter, value);
            List<Use> u = new ArrayList<>(uses);
            if (use != null) {
                u.add(use);
            }
            return new Binding(v, u);
        }
    }

    /** A parameter filled from {@code field} of a record of {@code collection}; {@code isId}: an identifier, not a year or a kind. */
    record Use(String parameter, String collection, String field, String value, boolean isId, Found record) {
    }

    /**
     * Up to {@value #PER_PARAMETER} bindings per parameter from the records {@code seen}: a parameter
     * after a literal segment takes the {@code id} of that segment's records (or their field of
     * the parameter's name); any other parameter takes the field of its name from any record of the
     * module. A record found inside another record's answer only fills the parameters of that answer.
     */
    static List<Binding> bindings(Route route, Sightings seen) {
        List<Binding> bindings = List.of(new Binding(Map.of(), List.of()));
        List<String> segments = route.segments();
        for (int i = 0; i < segments.size(); i++) {
            if (!isParameter(segments.get(i))) {
                continue;
            }
            String parameter = name(segments.get(i));
            String collection = i > 0 && !isParameter(segments.get(i - 1)) ? segments.get(i - 1) : null;
            List<Binding> next = new ArrayList<>();
            for (Binding binding : bindings) {
                Set<String> taken = new LinkedHashSet<>();
                for (Found record : seen.records) {
                    if (taken.size() >= PER_PARAMETER) {
                        break;
                    }
                    if (!record.module().equals(route.module()) || !consistent(record, binding)) {
                        continue;
                    }
                    String field = null;
                    if (collection != null && record.collection().equals(collection)) {
                        field = record.item().hasNonNull("id") ? "id" : record.item().hasNonNull(parameter) ? parameter : null;
                    } else if (!parameter.equals("id") && record.item().hasNonNull(parameter)) {
                        field = parameter;
                    }
                    String value = field == null ? null : text(record.item().get(field));
                    if (value == null || value.isBlank() || !taken.add(value)) {
                        continue;
                    }
                    boolean isId = field.equals("id") || field.endsWith("Id");
                    next.add(binding.with(parameter, value, new Use(parameter, record.collection(), field, value, isId, record)));
                }
            }
            bindings = next;
            if (bindings.isEmpty()) {
                break;
            }
        }
        return bindings.stream().limit(PER_PARAMETER * 2L).toList();
    }

    /** A record fits a binding when the answer it came from had the same values for shared parameters. */
    private static boolean consistent(Found record, Binding binding) {
        for (Map.Entry<String, String> bound : binding.values().entrySet()) {
            String context = record.context().get(bound.getKey());
            if (context != null && !context.equals(bound.getValue())) {
                return false;
            }
            JsonNode own = bound.getKey().equals("id") ? null : record.item().get(bound.getKey());
            if (own != null && own.isValueNode() && !bound.getValue().equals(text(own))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------ record data

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?([T ].*)?");
    private static final Pattern MONEY_FIELD = Pattern.compile("(?i).*(fen|amount|total|sum|income|salary|fee).*");

    /**
     * The values of a record a caller of another scope must never see: Chinese text (names,
     * addresses, diagnoses), text with at least six digits (ID numbers, phones, also masked ones,
     * certificate and account numbers) and amounts (fen, and in 元 with two decimals). Dates,
     * codes ({@code APPROVED}) and the ids themselves are left out: they are not the record's data.
     */
    static Set<String> secrets(JsonNode node, Set<String> ids) {
        Set<String> secrets = new LinkedHashSet<>();
        collect(null, node, ids, secrets);
        return secrets;
    }

    private static void collect(String field, JsonNode node, Set<String> ids, Set<String> secrets) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getKey(), e.getValue(), ids, secrets));
        } else if (node.isArray()) {
            node.forEach(n -> collect(field, n, ids, secrets));
        } else if (node.isIntegralNumber()) {
            long value = node.asLong();
            if (field != null && MONEY_FIELD.matcher(field).matches() && Math.abs(value) >= 1000 && !ids.contains(node.asText())) {
                secrets.add(Long.toString(value));
                secrets.add(String.format("%d.%02d", value / 100, Math.abs(value % 100)));
            }
        } else if (node.isTextual()) {
            String value = node.asText().strip();
            if (ids.contains(value) || DATE_OR_TIME.matcher(value).matches()) {
                return;
            }
            // six digits or more first: an ID number ending in X or a phone is no code
            boolean numbered = value.chars().filter(Character::isDigit).count() >= 6;
            if (numbered || (HAN.matcher(value).find() && value.length() >= 2)) {
                secrets.add(value);
            }
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
