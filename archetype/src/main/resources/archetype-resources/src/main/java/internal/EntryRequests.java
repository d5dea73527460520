package ${package}.internal;

/** Request bodies of the REST resource (records: their OpenAPI schemas come from them). */
public final class EntryRequests {
    private EntryRequests() {
    }

    /** {@code POST /${moduleId}/entries}: {@code {"title": "...", "orgId": optional}}. */
    public record CreateEntry(String title, Long orgId) {
    }
}
