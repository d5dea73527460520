package org.unionportal.itests;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A module's feature for one IT class on the shared portal ({@link SharedPortal}): installed before the class unless
 * it is already, and waited for until the platform administrator's GET of its probe path answers 200; uninstalled
 * after the class only when it was installed here ({@link Distribution#installModule}). The class's own
 * {@code @BeforeAll} methods run after it, so they find the module serving:
 *
 * <pre>
 * &#64;ExtendWith(SharedPortal.class)
 * class SomeIT {
 *     &#64;RegisterExtension
 *     static final ModuleForClass MUTUAL_AID = ModuleForClass.of("union-mutual-aid", "/api/mutual-aid/plans");
 * </pre>
 */
public final class ModuleForClass implements BeforeAllCallback, AfterAllCallback {
    private final String feature;
    private final String probePath;
    private Distribution portal;
    private boolean installedHere;

    private ModuleForClass(String feature, String probePath) {
        this.feature = feature;
        this.probePath = probePath;
    }

    public static ModuleForClass of(String feature, String probePath) {
        return new ModuleForClass(feature, probePath);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        portal = SharedPortal.get(context);
        installedHere = portal.installModule(feature, probePath);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (portal != null && installedHere) {
            installedHere = false;
            portal.uninstallModule(feature, probePath);
        }
    }
}
