package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hostile corpus without a portal: the same seed gives the same requests, and the answer checks catch what they must. */
class HostileCorpusTest {

    private static final RouteSweep.Route CREATE = new RouteSweep.Route("POST", "/api/x/claims/{id}/decision", List.of("id"), "x",
            "ROLES", List.of(), List.of("application/json"));

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode COMPONENTS = json("{\"schemas\":{\"Decision\":{\"type\":\"object\",\"properties\":{"
            + "\"action\":{\"type\":\"string\",\"enum\":[\"APPROVE\",\"REJECT\"]},\"amountFen\":{\"type\":\"integer\",\"format\":\"int64\"},"
            + "\"on\":{\"type\":\"string\",\"format\":\"date\"},\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Line\"}}}},"
            + "\"Line\":{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\"}}}}}");

    private static List<HostileCorpus.Request> corpus(long seed) {
        JsonNode schema = HostileCorpus.resolve(json("{\"$ref\":\"#/components/schemas/Decision\"}"), COMPONENTS);
        return HostileCorpus.requests(seed, CREATE, "operator", 20, Map.of("id", "42"), false, schema, COMPONENTS, List.of("page"),
                HostileCorpus.BodyRule.ANY);
    }

    @Test
    void theSameSeedGivesTheSameCorpusAndWritesNeverUseRealIdsWhenNotAllowed() {
        List<HostileCorpus.Request> first = corpus(14);
        List<HostileCorpus.Request> again = corpus(14);
        assertEquals(first.stream().map(HostileCorpus.Request::describe).toList(), again.stream().map(HostileCorpus.Request::describe).toList());
        assertTrue(first.stream().noneMatch(r -> r.path().startsWith("/api/x/claims/42/")), "a real id where none may be used");
        assertTrue(first.stream().allMatch(r -> r.body() != null), "a write without a body");
        assertTrue(!corpus(15).stream().map(HostileCorpus.Request::describe).toList()
                .equals(first.stream().map(HostileCorpus.Request::describe).toList()), "another seed, another corpus");
    }

    @Test
    void aMutatedBodyIsTheBaselineWithOneHostileField() {
        JsonNode schema = HostileCorpus.resolve(json("{\"$ref\":\"#/components/schemas/Decision\"}"), COMPONENTS);
        assertEquals("{\"action\":\"APPROVE\",\"amountFen\":987654321,\"on\":\"1900-01-01\",\"lines\":[{\"reason\":\"x\"}]}",
                HostileCorpus.baseline(schema, COMPONENTS, 0).toString());
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            Map.Entry<String, byte[]> mutated = HostileCorpus.mutate(random, schema, COMPONENTS);
            String text = new String(mutated.getValue(), StandardCharsets.UTF_8);
            assertTrue(!text.contains("__HOSTILE_"), text);
            assertTrue(text.startsWith("{\"action\":"), text);
        }
    }

    @Test
    void theAnswerChecksCatchTheOtherLanguageInternalsAndSecrets() {
        assertNull(HostileCorpus.languageProblem("请以 JSON 格式发送（Content-Type: application/json）。", "zh", ""));
        assertNull(HostileCorpus.languageProblem("字段 members[0].idNumber 不是有效日期", "zh", ""));
        assertNotNull(HostileCorpus.languageProblem("请求无法处理：The request cannot be served", "zh", ""));
        assertNull(HostileCorpus.languageProblem("There is no resource at /api/x/一.", "en", "/api/x/一"));
        assertNotNull(HostileCorpus.languageProblem("There is no 资源.", "en", ""));
        assertNotNull(HostileCorpus.internalsProblem("<html><body>Error 500</body></html>"));
        assertNotNull(HostileCorpus.internalsProblem("{\"detail\":\"java.lang.NumberFormatException: For input\"}"));
        assertNotNull(HostileCorpus.internalsProblem("{\"detail\":\"Cannot construct org.unionportal.x.Claim\"}"));
        assertNull(HostileCorpus.internalsProblem("{\"code\":\"not_found\",\"detail\":\"没有这条记录。\"}"));
        assertEquals(Set.of("王丽华"), HostileCorpus.shown("{\"name\":\"王丽华\"}", Set.of("王丽华", "320202198003120048")));
    }
}
