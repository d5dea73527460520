package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** Where a household is on file: with the district union or the city federation (only the city files at city level). */
public enum FileLevel implements Labelled {
    DISTRICT("区级", "District"), CITY("市级", "City");

    private final Text label;

    FileLevel(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }
}
