package org.unionportal.mutualaid.internal.rules;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerCategoryTest {

    @Test
    void parsesEnumNameInAnyCase() {
        assertEquals(Optional.of(WorkerCategory.GIG_WORKER), WorkerCategory.parse("gig_worker"));
        assertEquals(Optional.of(WorkerCategory.EMPLOYEE), WorkerCategory.parse("EMPLOYEE"));
        assertEquals(Optional.of(WorkerCategory.DISPATCHED), WorkerCategory.parse(" Dispatched "));
        assertEquals(Optional.of(WorkerCategory.MODEL_WORKER), WorkerCategory.parse("model-worker"));
    }

    @Test
    void parsesChineseLabel() {
        assertEquals(Optional.of(WorkerCategory.EMPLOYEE), WorkerCategory.parse("在职职工"));
        assertEquals(Optional.of(WorkerCategory.DISPATCHED), WorkerCategory.parse("劳务派遣工"));
        assertEquals(Optional.of(WorkerCategory.GIG_WORKER), WorkerCategory.parse("新就业形态劳动者 "));
        assertEquals(Optional.of(WorkerCategory.MODEL_WORKER), WorkerCategory.parse("劳模"));
        assertEquals("新就业形态劳动者", WorkerCategory.GIG_WORKER.labelZh());
    }

    @Test
    void rejectsUnknownNullAndBlank() {
        assertEquals(Optional.empty(), WorkerCategory.parse("courier"));
        assertEquals(Optional.empty(), WorkerCategory.parse(""));
        assertEquals(Optional.empty(), WorkerCategory.parse(null));
        assertEquals(Optional.empty(), WorkerCategory.parse("劳"));
    }

    @Test
    void onlyAccidentsSkipTheWaitingPeriod() {
        assertEquals(false, EventType.HOSPITAL_STAY.isAccident());
        assertEquals(false, EventType.CRITICAL_ILLNESS.isAccident());
        assertEquals(true, EventType.ACCIDENT_DISABILITY.isAccident());
        assertEquals(true, EventType.ACCIDENTAL_DEATH.isAccident());
    }
}
