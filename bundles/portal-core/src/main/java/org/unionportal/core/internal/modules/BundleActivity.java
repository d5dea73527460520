package org.unionportal.core.internal.modules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Counts how often each bundle was started and stopped since the core started. A module install
 * that refreshes other bundles shows up as their counts moving.
 */
@Component(service = BundleActivity.class)
public class BundleActivity implements SynchronousBundleListener {
    private final Map<Long, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> stops = new ConcurrentHashMap<>();
    private BundleContext context;

    public record BundleView(long id, String symbolicName, String version, String state, int starts, int stops) {
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTED) {
            starts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        } else if (event.getType() == BundleEvent.STOPPED) {
            stops.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    public List<BundleView> bundles() {
        return Arrays.stream(context.getBundles())
                .sorted(Comparator.comparingLong(Bundle::getBundleId))
                .map(b -> new BundleView(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(),
                        ModuleRegistry.stateName(b.getState()), count(starts, b), count(stops, b)))
                .toList();
    }

    private static int count(Map<Long, AtomicInteger> counts, Bundle b) {
        AtomicInteger n = counts.get(b.getBundleId());
        return n == null ? 0 : n.get();
    }
}
