package org.unionportal.hardshipaid.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.module.Figure;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;

class StatusCountsTest {
    private static final OrganisationInfo ORG = new OrganisationInfo(8, 2L, "梁溪区环卫所工会", "GRASSROOTS", "/1/2/8/");

    @TempDir
    Path dir;

    @Test
    void anApplicationIsPendingWorkAndEveryBatchKindIsListed() {
        ModuleTestDatabase db = ModuleTestDatabase.create(dir, "hardship-aid");
        HouseholdForm f = new HouseholdForm(ORG.id(), "某路", null, List.of("ILLNESS"), null, "HARDSHIP", "BANK", "工行",
                "6222020302000000001", "AX1", List.of(new HouseholdForm.MemberForm("户主", IdNumbers.of("320202",
                LocalDate.of(1980, 1, 1), 1), "SELF", 100_000L, null, null, null)));
        long household = db.inTransaction(c -> HouseholdStore.insert(c, f, ORG, "operator"));
        byte[] pdf = "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        db.inTransaction(c -> org.unionportal.api.db.Jdbc.insert(c, "INSERT INTO HA_DOCUMENT (HOUSEHOLD_ID, FILE_NAME, CONTENT_TYPE, "
                + "SIZE_BYTES, SHA256, CONTENT, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, 'application/pdf', ?, 'x', ?, 'operator', ?)",
                household, "旧材料.pdf", (long) pdf.length, pdf, java.sql.Timestamp.from(java.time.Instant.now())));

        Map<String, Figure> byCode = db.read(StatusCounts::figures).stream()
                .collect(Collectors.toMap(Figure::code, Function.identity()));
        assertEquals(1, byCode.get("households.APPLIED").value());
        assertTrue(byCode.get("households.APPLIED").pending());
        assertEquals(0, byCode.get("households.ON_FILE").value());
        for (BatchKind kind : BatchKind.values()) {
            assertEquals(0, byCode.get("batches." + kind.name()).value(), kind.name());
        }
        assertEquals(Figure.Unit.FEN, byCode.get("payments.totalFen").unit());
        assertEquals(1, byCode.get("documents.notHandedOver").value(), "an old document not yet handed over");
    }
}
