package org.unionportal.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.store.UserRecord;

/** How users appear in answers: never a password hash, the phone masked. */
final class UserViews {
    private UserViews() {
    }

    static Map<String, Object> of(PortalUser user, String orgName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id());
        view.put("username", user.username());
        view.put("displayName", user.displayName());
        view.put("orgId", user.orgId());
        view.put("orgName", orgName);
        view.put("orgPath", user.orgPath());
        view.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        return view;
    }

    static Map<String, Object> of(UserRecord record) {
        Map<String, Object> view = of(record.user(), record.orgName());
        view.put("phone", Masking.phone(record.phone()));
        view.put("enabled", record.enabled());
        return view;
    }
}
