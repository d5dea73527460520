package org.unionportal.core.internal.jaas;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.security.Accounts;

/** Checks Karaf console logins against the portal's users. */
public class PortalLoginModule implements LoginModule {
    /** Karaf roles a platform administrator gets: console, SSH, and every shell command. */
    static final Set<String> ADMIN_KARAF_ROLES = Set.of("admin", "manager", "viewer", "systembundles", "ssh");

    /** Set while the realm component is active; JAAS instantiates login modules itself. */
    static volatile Accounts accounts;

    private Subject subject;
    private CallbackHandler callbackHandler;
    private final Set<Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
    }

    @Override
    public boolean login() throws LoginException {
        Accounts current = accounts;
        if (current == null) {
            throw new LoginException("The portal's account base is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        String username = name.getName();
        char[] secret = password.getPassword();
        if (username == null || secret == null) {
            throw new FailedLoginException("Username and password are required");
        }
        Optional<PortalUser> user = current.verifyPassword(username, new String(secret));
        if (user.isEmpty() || !user.get().hasRole(Role.PLATFORM_ADMIN)) {
            throw new FailedLoginException("Wrong username or password, or not a platform administrator");
        }
        principals.add(new UserPrincipal(username));
        ADMIN_KARAF_ROLES.forEach(role -> principals.add(new RolePrincipal(role)));
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
