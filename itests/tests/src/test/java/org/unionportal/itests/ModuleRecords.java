package org.unionportal.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped modules as the module tests see them, and one record of each that a test creates
 * before removing or switching off a module and reads again after bringing it back.
 */
final class ModuleRecords {

    /** A module: its feature, id, a GET that answers 200 while it is there, one of its pages. */
    record Module(String feature, String id, String probe, String page) {
        String menuPrefix() {
            return id + ".";
        }
    }

    static final Module MUTUAL_AID = new Module("union-mutual-aid", "mutual-aid", "/api/mutual-aid/plans",
            "/modules/mutual-aid/plans.js");
    static final Module HARDSHIP_AID = new Module("union-hardship-aid", "hardship-aid",
            "/api/hardship-aid/households?size=1", "/modules/hardship-aid/households.js");

    /** A record and the path that reads it, as the user who may read it. */
    record Record(String path, String username, String label) {
    }

    private ModuleRecords() {
    }

    /** A fresh label for {@link #create}: "RS" and eight capital hex digits. */
    static String label() {
        return "RS" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Creates one record of the module: a plan (by admin) or a household application (by operator).
     * {@code label} (capital letters and digits, at most 12) names it so that it can be recognised.
     */
    static Record create(Api api, Module module, String label) {
        if (module == MUTUAL_AID) {
            JsonNode plan = api.post("/api/mutual-aid/plans", api.login("admin"), MutualAidData.openPlan(label))
                    .expect(201).json();
            return new Record("/api/mutual-aid/plans/" + plan.path("id").asLong(), "admin", plan.path("nameZh").asText());
        }
        String address = "梁溪区测试路 " + label;
        JsonNode filed = api.post("/api/hardship-aid/households", api.login("operator"), hardshipApplication(address))
                .expect(201).json();
        return new Record("/api/hardship-aid/households/" + filed.path("id").asLong(), "operator", address);
    }

    /** An application of a hardship household at {@code address}. */
    static Map<String, Object> hardshipApplication(String address) {
        return hardshipApplication(address, "钱建国", MutualAidData.idNumber(1978, 'M'), "HARDSHIP");
    }

    /** An application of a one-person household of {@code headName} at {@code address}, paid by bank, at {@code requestedLevel}. */
    static Map<String, Object> hardshipApplication(String address, String headName, String idNumber, String requestedLevel) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("name", headName);
        head.put("idNumber", idNumber);
        head.put("relation", "SELF");
        head.put("monthlyIncomeFen", 180_000);
        head.put("health", "慢性病");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address);
        body.put("phone", "13900002222");
        body.put("causes", List.of("ILLNESS"));
        body.put("hardshipNote", "本人慢性病，长期服药");
        body.put("requestedLevel", requestedLevel);
        body.put("channel", "BANK");
        body.put("bankName", "中国农业银行无锡分行");
        body.put("bankAccount", "6228480402564890018");
        body.put("loveCardNo", "AX77002233");
        body.put("members", new ArrayList<>(List.of(head)));
        return body;
    }
}
