package org.unionportal.api.module;

import java.util.List;
import java.util.Optional;

/**
 * The installed portal modules, as the core sees them. A bundle is a module when its manifest
 * carries {@value #MODULE_HEADER}{@code : <id>}; its display names come from
 * {@value #NAME_HEADER} (Chinese) and {@value #NAME_EN_HEADER} (English). Its web pages are the
 * bundle's resources under {@code /web/}, served at {@code /modules/<id>/}.
 */
public interface PortalModules {
    String MODULE_HEADER = "Union-Module";
    String NAME_HEADER = "Union-Module-Name";
    String NAME_EN_HEADER = "Union-Module-Name-En";

    /** Every installed module, ordered by id. */
    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);
}
