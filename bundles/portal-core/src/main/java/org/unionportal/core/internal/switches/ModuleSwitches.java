package org.unionportal.core.internal.switches;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.cluster.ClusterEvents;
import org.unionportal.core.internal.modules.ModuleRegistry;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.Organisation;

/**
 * Per-organisation module switches: installed modules switched off for a part of the union tree.
 * The markers are kept in memory (a handful of rows), so the request filter and the menu ask
 * without a database round trip; every change is written, recorded to the audit trail (module
 * {@code portal}, record type {@code module-switch}, id {@code <orgId>:<module>}) and then announced
 * as a {@code modules} event so open browsers reload their menus.
 */
@Component(service = ModuleSwitches.class)
public class ModuleSwitches {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final PortalDatabase db;
    private final ModuleRegistry modules;
    private final AuditTrail audit;
    private final ClusterEvents events;
    private final AutoCloseable otherNodes;
    private volatile List<Marker> markers;

    /** One module's state at one organisation, as the caller may see it. */
    public record ModuleState(String module, String nameZh, String nameEn, boolean installed, String state,
                              Map<String, Object> offBy, boolean offByYours) {
    }

    @Activate
    public ModuleSwitches(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                          @Reference ModuleRegistry modules, @Reference AuditTrail audit, @Reference ClusterEvents events) {
        this.db = db;
        this.modules = modules;
        this.audit = audit;
        this.events = events;
        this.markers = List.copyOf(db.read(SwitchStore::markers));
        // a switch changed on another node: reload, and tell this node's browsers as that node told its own
        this.otherNodes = events.subscribe(ClusterEvents.MODULE_SWITCHES, e -> reload(e.payload()));
    }

    @Deactivate
    void deactivate() throws Exception {
        otherNodes.close();
    }

    /** Whether {@code module} is switched off for users of the organisation at {@code orgPath}. */
    public boolean isOff(String module, String orgPath) {
        List<Marker> now = markers;
        return !now.isEmpty() && module != null && SwitchRules.isOff(now, module, orgPath);
    }

    public Optional<Marker> offBy(String module, String orgPath) {
        List<Marker> now = markers;
        return now.isEmpty() ? Optional.empty() : SwitchRules.offBy(now, module, orgPath);
    }

    /** Whether any module is switched off anywhere: when not, requests need no look at their user. */
    public boolean anySwitchedOff() {
        return !markers.isEmpty();
    }

    /** The organisation with {@code orgId} if it lies in the caller's subtree; 404 otherwise, the same for missing. */
    public Organisation organisationOf(PortalUser user, long orgId) {
        return db.read(c -> AccountStore.organisation(c, orgId))
                .filter(o -> SwitchRules.mayChange(user.orgPath(), o.path()))
                .orElseThrow(() -> ProblemException.notFound("organisation_not_found",
                        Text.of("在您管辖的范围内没有编号为 " + orgId + " 的组织。",
                                "No organisation " + orgId + " in your part of the union tree.")));
    }

    /** Every module (installed, or with a marker somewhere) and its state at {@code org}. */
    public List<ModuleState> states(PortalUser user, Organisation org) {
        List<Marker> now = markers;
        Map<String, ModuleInfo> installed = new LinkedHashMap<>();
        modules.modules().forEach(m -> installed.putIfAbsent(m.id(), m));
        TreeSet<String> ids = new TreeSet<>(installed.keySet());
        now.stream().filter(m -> SwitchRules.isAtOrAbove(m.orgPath(), org.path()) || user.covers(m.orgPath()))
                .map(Marker::module).forEach(ids::add);
        List<ModuleState> result = new ArrayList<>();
        for (String id : ids) {
            ModuleInfo info = installed.get(id);
            Optional<Marker> by = SwitchRules.offBy(now, id, org.path());
            String state = by.isEmpty() ? "ON" : by.get().orgId() == org.id() ? "OFF" : "OFF_ABOVE";
            result.add(new ModuleState(id, info == null ? id : info.nameZh(), info == null ? id : info.nameEn(),
                    info != null, state, by.map(ModuleSwitches::markerView).orElse(null),
                    by.map(m -> user.covers(m.orgPath())).orElse(false)));
        }
        return result;
    }

    /** Markers in the caller's subtree, and those above it that switch something off for the caller's organisation. */
    public List<Map<String, Object>> markersFor(PortalUser user) {
        return markers.stream()
                .filter(m -> user.covers(m.orgPath()) || SwitchRules.isAtOrAbove(m.orgPath(), user.orgPath()))
                .sorted(Comparator.comparing(Marker::orgPath).thenComparing(Marker::module))
                .map(m -> {
                    Map<String, Object> view = markerView(m);
                    view.put("yours", user.covers(m.orgPath()));
                    return view;
                }).toList();
    }

    static Map<String, Object> markerView(Marker m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orgId", m.orgId());
        view.put("orgName", m.orgName());
        view.put("module", m.module());
        view.put("setBy", m.setBy());
        view.put("setAt", m.setAt().toString());
        return view;
    }

    /** Switches {@code module} off for {@code org} and its subtree (idempotent). */
    public void switchOff(PortalUser user, Organisation org, String module) {
        if (modules.module(module).isEmpty()) {
            throw ProblemException.notFound("module_not_found", Text.of("没有已安装的模块“" + module + "”。",
                    "No installed module '" + module + "'."));
        }
        Instant now = Instant.now();
        boolean placed = db.inTransaction(c -> {
            boolean inserted = SwitchStore.insert(c, org.id(), module, user.username(), now);
            if (inserted) {
                audit.record(c, SwitchLog.entry(user, org, module, false));
                events.publish(c, ClusterEvents.MODULE_SWITCHES, module);
            }
            return inserted;
        });
        if (placed) {
            reload(module);
        }
    }

    /** Clears the marker of {@code org} for {@code module}; 409 when only a marker above keeps it off. */
    public SwitchRules.OnOutcome switchOn(PortalUser user, Organisation org, String module) {
        List<Marker> now = markers;
        SwitchRules.OnOutcome outcome = SwitchRules.switchOn(now, module, org.id(), org.path());
        if (outcome == SwitchRules.OnOutcome.OFF_ABOVE) {
            throw offAbove(module, SwitchRules.offBy(now, module, org.path()).orElseThrow());
        }
        if (outcome == SwitchRules.OnOutcome.ALREADY_ON) {
            return outcome;
        }
        Instant at = Instant.now();
        boolean deleted = db.inTransaction(c -> {
            boolean gone = SwitchStore.delete(c, org.id(), module);
            if (gone) {
                audit.record(c, SwitchLog.entry(user, org, module, true));
                events.publish(c, ClusterEvents.MODULE_SWITCHES, module);
            }
            return gone;
        });
        if (deleted) {
            reload(module);
        }
        return outcome;
    }

    private ProblemException offAbove(String module, Marker by) {
        String name = modules.module(module).map(ModuleInfo::nameZh).orElse(module);
        String nameEn = modules.module(module).map(ModuleInfo::nameEn).orElse(module);
        String when = TIME.format(by.setAt());
        return ProblemException.conflict("module_switched_off_above", Text.of(
                "“" + name + "”已由“" + by.orgName() + "”的 " + by.setBy() + " 于 " + when
                        + " 关闭，只能在“" + by.orgName() + "”一级重新开启。",
                "'" + nameEn + "' was switched off for " + by.orgName() + " by " + by.setBy() + " on " + when
                        + "; it can be switched on again only at that organisation."));
    }

    /** The newest {@code limit} changes in the caller's subtree: the audit trail's, then the old log table's. */
    public List<SwitchStore.LogEntry> log(PortalUser user, int limit) {
        DataScope scope = DataScope.of(user);
        return db.read(c -> SwitchLog.newestFirst(SwitchStore.log(c, scope, limit), SwitchLog.fromTrail(c, scope, limit), limit));
    }

    private synchronized void reload(String module) {
        markers = List.copyOf(db.read(SwitchStore::markers));
        modules.announce(module, "switch");
    }
}
