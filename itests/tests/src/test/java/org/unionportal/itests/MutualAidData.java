package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test data for the mutual-aid tests: plans, people with valid ID numbers, claims. */
final class MutualAidData {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String ROSTER_HEADER = "姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员\n";
    private static final Random RANDOM = new Random();

    private MutualAidData() {
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /**
     * A free one-year plan with only a medical benefit (50 %, 10,000 CNY a claim, 15,000 a year),
     * enrolment open today, cover since 150 days ago, no waiting period. A unique code.
     */
    static Map<String, Object> openPlan(String label) {
        LocalDate today = today();
        Map<String, Object> benefits = new LinkedHashMap<>();
        benefits.put("medical", Map.of("sharePercent", 50, "deductibleFen", 0, "perClaimCapFen", 1_000_000,
                "yearlyCapFen", 1_500_000));
        benefits.put("accidentalDeathFen", 0);
        benefits.put("overallCapFen", 0);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("code", "IT-" + label + "-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase()
                + "-" + (1000 + RANDOM.nextInt(9000)));
        // a Chinese name in Chinese only (the browser tests check that the Chinese page shows no English word); the code keeps the label
        plan.put("nameZh", "测试项目");
        plan.put("nameEn", "Test plan " + label);
        plan.put("termYears", 1);
        plan.put("feeFen", 0);
        plan.put("feeBasis", "PER_YEAR");
        plan.put("enrolFrom", today.minusDays(1).toString());
        plan.put("enrolUntil", today.plusDays(30).toString());
        plan.put("coverFrom", today.minusDays(150).toString());
        plan.put("waitingDays", 0);
        plan.put("eligibility", Map.of("inServiceRequired", true, "basicInsuranceRequired", false,
                "unionMemberRequired", false, "womenOnly", false, "categories", List.of()));
        plan.put("benefits", benefits);
        return plan;
    }

    /** A hospital stay from {@code admission}, {@code days} long. */
    static Map<String, Object> hospitalStay(long enrolmentId, LocalDate admission, int days, long costFen, long basicFen) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("enrolmentId", enrolmentId);
        claim.put("eventType", "HOSPITAL_STAY");
        claim.put("eventDate", admission.toString());
        claim.put("admissionDate", admission.toString());
        claim.put("dischargeDate", admission.plusDays(days).toString());
        claim.put("hospital", "无锡市人民医院");
        claim.put("diagnosis", "肺炎");
        claim.put("totalCostFen", costFen);
        claim.put("basicInsuranceFen", basicFen);
        claim.put("commercialInsuranceFen", 0);
        return claim;
    }

    /** A valid, random resident ID number (GB 11643 check digit) for someone born in {@code year}. */
    static String idNumber(int year, char gender) {
        int seq = RANDOM.nextInt(499) * 2 + (gender == 'M' ? 1 : 0);
        return withCheckDigit(String.format("320202%04d%02d%02d%03d", year, 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), seq));
    }

    /** The 18-character ID number whose first 17 characters are {@code first17}. */
    static String withCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** As the API shows an ID number: the first and last four characters. */
    static String masked(String id) {
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /**
     * A roster of {@code rows} distinct, valid, eligible people (men, employees, insured, members): names
     * {@code namePrefix + row}, ID numbers born from {@code firstBirth} on (400 a day, so unique by row), phones
     * {@code phonePrefix} and the row in 8 digits. Each test its own prefix and first birthday, so its people are its own.
     */
    static String roster(String namePrefix, LocalDate firstBirth, String phonePrefix, int rows) {
        StringBuilder csv = new StringBuilder(ROSTER_HEADER);
        for (int i = 0; i < rows; i++) {
            LocalDate born = firstBirth.plusDays(i / 400);
            String seq = String.format("%03d", (i % 400) * 2 + 1); // odd: a man
            String id = withCheckDigit("320202" + born.toString().replace("-", "") + seq);
            csv.append(namePrefix).append(i).append(',').append(id).append(',').append(phonePrefix).append(String.format("%08d", i))
                    .append(",男,在职职工,是,是\n");
        }
        return csv.toString();
    }

    /** Uploads {@code csv} for {@code planId} as {@code operator}; the upload's id, after checking it can be confirmed. */
    static long uploadRoster(Api api, String operator, long planId, String fileName, String csv) {
        JsonNode preview = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=" + fileName, operator,
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertTrue(preview.path("canConfirm").asBoolean(), () -> "the roster has problems: " + Distribution.abbreviate(preview.toString(), 1000));
        return preview.path("uploadId").asLong();
    }

    /** Confirms an uploaded roster in {@code language}, with time for a large one (Api's own requests give up after 30 s). */
    static Api.Reply confirmRoster(Api api, String token, long uploadId, String language) {
        String path = "/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm";
        return api.send(HttpRequest.newBuilder(api.base().resolve(path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), "POST", path);
    }

    /** How many enrolments the caller sees in all. */
    static long enrolments(Api api, String token) {
        return api.get("/api/mutual-aid/enrolments?size=1", token).expect(200).json().path("total").asLong();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
