package org.unionportal.api.menu;

import java.util.Objects;

/**
 * A group of menu entries, itself a service so that a module may bring a group of its own.
 * The core registers the standard groups named in {@link MenuGroups}.
 */
public record MenuGroup(String key, String labelZh, String labelEn, int order) {
    public MenuGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(labelZh, "labelZh");
        labelEn = labelEn == null ? labelZh : labelEn;
    }
}
