package org.unionportal.api.audit;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.unionportal.api.i18n.Text;

/**
 * What a module's audit entries are called in both languages, an OSGi service the module registers: its own name, its
 * record types and its actions, by the codes its {@link AuditEntry entries} carry. The audit page shows these names in
 * its language; the portal never names a module itself. A code without a name here is shown as the code.
 */
@ConsumerType
public interface AuditLabels {
    /** The module code its entries carry ({@link AuditEntry#module()}), e.g. {@code mutual-aid}. */
    String module();

    /** The module's name. */
    Text name();

    /** Record type code → name, e.g. {@code claim} → 理赔 / Claim. */
    Map<String, Text> recordTypes();

    /** Action code → name, e.g. {@code APPROVE} → 核准 / Approve. */
    Map<String, Text> actions();

    /**
     * Field name → name, for the before/after of the module's entries ({@code status} → 状态 / Status); a field without
     * a name here is shown as stored. None by default.
     */
    default Map<String, Text> fields() {
        return Map.of();
    }

    /** Labels from plain maps (a module's one-line registration). */
    static AuditLabels of(String module, Text name, Map<String, Text> recordTypes, Map<String, Text> actions) {
        Map<String, Text> types = Map.copyOf(recordTypes);
        Map<String, Text> acts = Map.copyOf(actions);
        return new AuditLabels() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public Text name() {
                return name;
            }

            @Override
            public Map<String, Text> recordTypes() {
                return types;
            }

            @Override
            public Map<String, Text> actions() {
                return acts;
            }
        };
    }
}
