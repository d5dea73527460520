package org.unionportal.itests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots one distribution, configured by {@code run.sh --configure-only} as {@code ./run.sh} configures
 * it, for every IT class that uses this extension (they run in one JVM) and
 * stops it when the whole run ends, through a CloseableResource in the root store. Test methods and
 * {@code @BeforeAll}/{@code @BeforeEach} methods get it as a {@link Distribution} parameter.
 */
public final class SharedPortal implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPortal.class);

    /** Holds the running distribution; JUnit closes it after the last test of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        final Distribution distribution;
        final RuntimeException bootFailure;

        Running() {
            Distribution created = null;
            RuntimeException failure = null;
            try {
                // Configured and started as ./run.sh does (every module installed), so that the
                // module tests find their modules and RunShModulesIT tests the README's set-up.
                created = Distribution.create("shared").configureLikeRunSh();
                created.start();
                // install = * installs the modules in the background after start: the classes begin
                // once they serve, not while their bundles start.
                created.awaitShippedModules();
            } catch (RuntimeException | AssertionError e) {
                failure = e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
                if (created != null) {
                    try {
                        created.stop();
                    } catch (RuntimeException ignored) {
                        // the boot failure is what matters
                    }
                }
            }
            this.distribution = created;
            this.bootFailure = failure;
        }

        @Override
        public void close() {
            if (distribution != null) {
                distribution.stop();
            }
        }
    }

    static Distribution get(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
        if (running.bootFailure != null) {
            // Every class that needs the portal fails with the same cause; the boot is tried once only.
            throw running.bootFailure;
        }
        if (!running.distribution.isRunning()) {
            // A test stopped it (or it died): bring it back on the same folder.
            running.distribution.start();
        }
        return running.distribution;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        get(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == Distribution.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return get(extensionContext);
    }
}
