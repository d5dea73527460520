package org.unionportal.api.member;

import java.util.Locale;
import java.util.Optional;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** What kind of worker a member is; a member may be several (a dispatched worker who is a 职工代表). */
public enum MemberCategory implements Labelled {
    /** 在职职工. */
    EMPLOYEE("在职职工", "Employee in service", "在职"),
    /** 劳务派遣工. */
    DISPATCHED("劳务派遣工", "Labour-dispatch worker", "劳务派遣", "派遣工"),
    /** 新就业形态劳动者: needs a {@link GigOccupation}. */
    GIG_WORKER("新就业形态劳动者", "Gig worker", "新就业形态"),
    /** 环卫工人. */
    SANITATION_WORKER("环卫工人", "Sanitation worker", "环卫工", "环卫"),
    /** 劳模. */
    MODEL_WORKER("劳模", "Model worker", "劳动模范"),
    /** 职工代表. */
    WORKER_REPRESENTATIVE("职工代表", "Worker representative", "职代会代表");

    private final Text label;
    private final String[] aliases;

    MemberCategory(String zh, String en, String... aliases) {
        this.label = Text.of(zh, en);
        this.aliases = aliases;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }

    /**
     * The category a person or a spreadsheet named: the code in any case ({@code gig_worker},
     * {@code gig-worker}), the Chinese or English label, or a common short form (劳务派遣). Empty for
     * null, blank or unknown text.
     */
    public static Optional<MemberCategory> parse(String text) {
        String key = Labels.key(text);
        if (key == null) {
            return Optional.empty();
        }
        for (MemberCategory c : values()) {
            if (c.name().equals(key) || Labels.key(c.label.zh()).equals(key) || Labels.key(c.label.en()).equals(key)) {
                return Optional.of(c);
            }
            for (String alias : c.aliases) {
                if (Labels.key(alias).equals(key)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** Shared by the enums of this package: how a typed name is compared. */
    static final class Labels {
        private Labels() {
        }

        static String key(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        }
    }
}
