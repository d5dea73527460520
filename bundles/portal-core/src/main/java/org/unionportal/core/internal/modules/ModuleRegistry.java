package org.unionportal.core.internal.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.module.PortalModules;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.core.internal.menu.MenuRegistry;

/**
 * The installed modules: bundles with a {@code Union-Module} header, with their menu entries and
 * the REST bases the JAX-RS runtime reports for their resources. Tells listeners when anything
 * about a module changes.
 */
@Component(service = {ModuleRegistry.class, PortalModules.class})
public class ModuleRegistry implements PortalModules {
    private final BundleContext context;
    private final MenuRegistry menu;
    private final BundleTracker<String> tracker;
    private final List<Consumer<ModuleChange>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> menuListener = id -> fire(new ModuleChange(moduleOfEntry(id), "menu"));
    private volatile JaxrsServiceRuntime runtime;

    /**
     * Something about module {@code module} changed: {@code installed}, {@code removed}, {@code menu},
     * {@code rest}, or {@code switch} (switched on or off for a part of the union tree).
     */
    public record ModuleChange(String module, String change) {
    }

    @Activate
    public ModuleRegistry(BundleContext context, @Reference MenuRegistry menu) {
        this.context = context;
        this.menu = menu;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE | Bundle.STARTING | Bundle.RESOLVED, new BundleTrackerCustomizer<>() {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String id = moduleId(bundle);
                if (id != null) {
                    fire(new ModuleChange(id, "installed"));
                }
                return id;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
                fire(new ModuleChange(id, "state"));
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String id) {
                fire(new ModuleChange(id, "removed"));
            }
        });
        tracker.open();
        menu.addListener(menuListener);
    }

    @Deactivate
    void deactivate() {
        menu.removeListener(menuListener);
        tracker.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "runtimeUpdated")
    void setRuntime(JaxrsServiceRuntime runtime) {
        this.runtime = runtime;
        fire(new ModuleChange(null, "rest"));
    }

    void runtimeUpdated(JaxrsServiceRuntime runtime) {
        // service.changecount moved: a resource came or went
        fire(new ModuleChange(null, "rest"));
    }

    void unsetRuntime(JaxrsServiceRuntime runtime) {
        if (this.runtime == runtime) {
            this.runtime = null;
        }
    }

    public void addListener(Consumer<ModuleChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ModuleChange> listener) {
        listeners.remove(listener);
    }

    private void fire(ModuleChange change) {
        listeners.forEach(l -> l.accept(change));
    }

    /** Tells listeners that something about {@code module} changed outside its bundle, e.g. a switch. */
    public void announce(String module, String change) {
        fire(new ModuleChange(module, change));
    }

    /** The module id of a bundle ({@code Union-Module} header), or {@code null} for any other bundle. */
    public static String moduleId(Bundle bundle) {
        if (bundle == null) {
            return null;
        }
        Dictionary<String, String> headers = bundle.getHeaders("");
        String id = headers.get(MODULE_HEADER);
        return id == null || id.isBlank() ? null : id.strip();
    }

    private String moduleOfEntry(String entryId) {
        return entryId == null || !entryId.contains(".") ? entryId : entryId.substring(0, entryId.indexOf('.'));
    }

    @Override
    public List<ModuleInfo> modules() {
        Map<Bundle, String> tracked = tracker.getTracked();
        Map<Long, List<String>> restBases = restBasesByBundle();
        List<ModuleInfo> result = new ArrayList<>();
        tracked.forEach((bundle, id) -> result.add(info(bundle, id, restBases.getOrDefault(bundle.getBundleId(), List.of()))));
        result.sort(Comparator.comparing(ModuleInfo::id));
        return result;
    }

    /** How many modules are installed, without building their descriptions (for health checks). */
    public int count() {
        return tracker.size();
    }

    @Override
    public Optional<ModuleInfo> module(String id) {
        return modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The module id of the bundle with {@code bundleId}, or {@code null} when it is no module. */
    public String moduleOfBundle(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        return bundle == null ? null : moduleId(bundle);
    }

    /** The module bundle serving pages for {@code id}, if installed and active. */
    public Optional<Bundle> activeBundle(String id) {
        return tracker.getTracked().entrySet().stream()
                .filter(e -> e.getValue().equals(id) && e.getKey().getState() == Bundle.ACTIVE)
                .map(Map.Entry::getKey).findFirst();
    }

    private ModuleInfo info(Bundle bundle, String id, List<String> restBases) {
        Dictionary<String, String> headers = bundle.getHeaders("");
        String nameZh = Optional.ofNullable(headers.get(NAME_HEADER)).orElse(id);
        String nameEn = Optional.ofNullable(headers.get(NAME_EN_HEADER)).orElse(nameZh);
        List<MenuEntry> entries = menu.contributions().stream()
                .filter(c -> c.bundleId() == bundle.getBundleId())
                .map(MenuRegistry.Contribution::entry)
                .sorted(Comparator.comparing(MenuEntry::group).thenComparingInt(MenuEntry::order))
                .toList();
        return new ModuleInfo(id, nameZh, nameEn, bundle.getVersion().toString(), bundle.getBundleId(),
                bundle.getSymbolicName(), stateName(bundle.getState()), restBases, "/modules/" + id + "/", entries);
    }

    /** For each bundle, the first path segment of each of its JAX-RS resources in the portal application. */
    private Map<Long, List<String>> restBasesByBundle() {
        JaxrsServiceRuntime rt = runtime;
        Map<Long, Set<String>> bases = new HashMap<>();
        Map<Long, List<String>> result = new HashMap<>();
        if (rt == null) {
            return result;
        }
        for (ApplicationDTO app : rt.getRuntimeDTO().applicationDTOs) {
            if (!PortalRest.APPLICATION_NAME.equals(app.name)) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                Long bundleId = bundleOfService(resource.serviceId);
                if (bundleId == null) {
                    continue;
                }
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    bases.computeIfAbsent(bundleId, k -> new TreeSet<>())
                            .add(PortalRest.APPLICATION_BASE + firstSegment(method.path));
                }
            }
        }
        // A module with several resource classes under one base lists that base once.
        bases.forEach((bundle, set) -> result.put(bundle, List.copyOf(set)));
        return result;
    }

    static String firstSegment(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        int next = p.indexOf('/', 1);
        return next < 0 ? p : p.substring(0, next);
    }

    private Long bundleOfService(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            return refs == null || refs.length == 0 || refs[0].getBundle() == null ? null : refs[0].getBundle().getBundleId();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            return null;
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
