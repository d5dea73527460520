package org.unionportal.api.module;

import java.util.List;
import org.unionportal.api.menu.MenuEntry;

/**
 * An installed module.
 *
 * @param id           the module id, e.g. {@code mutual-aid}
 * @param nameZh       name in Chinese
 * @param nameEn       name in English
 * @param version      bundle version
 * @param bundleId     the module bundle's id
 * @param symbolicName the module bundle's symbolic name
 * @param state        bundle state: {@code ACTIVE}, {@code RESOLVED}, {@code STARTING} ...
 * @param restBases    where its REST resources are served, e.g. {@code /api/mutual-aid}
 * @param pagesBase    where its web pages are served, e.g. {@code /modules/mutual-aid/}
 * @param menuEntries  its menu entries
 */
public record ModuleInfo(String id, String nameZh, String nameEn, String version, long bundleId,
                         String symbolicName, String state, List<String> restBases, String pagesBase,
                         List<MenuEntry> menuEntries) {
    public ModuleInfo {
        restBases = List.copyOf(restBases);
        menuEntries = List.copyOf(menuEntries);
    }
}
