package ${package}.internal;

/**
 * One entry as the REST resource answers it (a record: the answer's JSON and its OpenAPI schema).
 *
 * @param createdById the creator's user id: who hears when the entry is done
 */
public record Entry(long id, long orgId, String orgPath, String title, EntryStatus status, String createdBy, long createdById,
                    String createdAt, String doneBy, String doneAt) {
}
