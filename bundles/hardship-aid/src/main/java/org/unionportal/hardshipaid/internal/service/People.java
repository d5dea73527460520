package org.unionportal.hardshipaid.internal.service;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.unionportal.api.security.PeopleNames;
import org.unionportal.api.security.UserDirectory;

/**
 * People's names for an answer ({@code people}: login name → 张丽) of the staff who appear in it (history actors,
 * proposers, deciders), looked up through the core's {@link UserDirectory}; the pages show the name, the login name only
 * when the directory does not know it.
 */
final class People {
    private People() {
    }

    static Map<String, String> of(UserDirectory users, Collection<String> usernames) {
        PeopleNames names = new PeopleNames(users);
        Map<String, String> out = new TreeMap<>();
        for (String u : usernames) {
            String name = names.of(u);
            if (name != null) {
                out.put(u, name);
            }
        }
        return out;
    }
}
