package org.unionportal.core.internal.security;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.UserRecord;

/**
 * A user changes their own password; an administrator resets the password of a user in their subtree, who must then
 * choose a new one at the next sign-in. Either ends the user's other sessions (a stolen session does not outlive the
 * change): the session rows go, and every node checks the row on each request.
 */
@Component(service = PasswordChanges.class)
public class PasswordChanges {
    private static final Text NO_SUCH_USER = Text.of("在您管辖的范围内没有这个用户。", "There is no such user in your part of the union tree.");

    private final PortalDatabase db;
    private final Accounts accounts;

    @Activate
    public PasswordChanges(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                           @Reference Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    public boolean mustChange(PortalUser user) {
        return db.read(c -> AccountStore.mustChangePassword(c, user.id()));
    }

    /**
     * Replaces the caller's password after checking the current one; ends every other session of the user.
     *
     * @param keepToken the caller's own session token (kept), or null
     */
    public void changeOwn(PortalUser user, String currentPassword, String newPassword, String keepToken) {
        UserRecord record = db.read(c -> AccountStore.userById(c, user.id()))
                .orElseThrow(() -> ProblemException.notFound("user_not_found", NO_SUCH_USER));
        if (currentPassword == null || !PasswordHasher.verify(currentPassword, record.passwordHash())) {
            throw ProblemException.invalid(List.of(ProblemException.FieldError.of("currentPassword", "password_wrong",
                    "当前密码不正确。", "The current password is wrong.")));
        }
        requireAcceptable(user.username(), newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw ProblemException.invalid(List.of(ProblemException.FieldError.of("newPassword", "password_unchanged",
                    "新密码不能与当前密码相同。", "The new password must differ from the current one.")));
        }
        String hash = PasswordHasher.hash(newPassword);
        String keep = Tokens.wellFormed(keepToken) ? Tokens.hash(keepToken) : null;
        db.inTransaction(c -> {
            AccountStore.setPassword(c, user.id(), hash, false);
            int ended = AccountStore.deleteSessionsOfUser(c, user.id(), keep);
            accounts.userChanged(c, user.id());   // every node's session cache drops the ended sessions
            AccountStore.audit(c, user.username(), "PASSWORD_CHANGED", ended > 0 ? "other sessions ended: " + ended : null);
            return null;
        });
    }

    /**
     * Sets a temporary password for a user in the administrator's subtree (404 outside it, as for a missing user), who
     * must change it at the next sign-in; ends every session of that user.
     */
    public void reset(PortalUser admin, long userId, String temporaryPassword) {
        if (!admin.hasAnyRole(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)) {
            throw ProblemException.forbidden("not_allowed", Text.of("只有管理员可以重置密码。", "Only administrators reset passwords."));
        }
        UserRecord target = DataScope.of(admin).visible(db.read(c -> AccountStore.userById(c, userId)),
                r -> r.user().orgPath(), "user_not_found", NO_SUCH_USER);
        if (target.user().id() == admin.id()) {
            throw ProblemException.conflict("reset_own_password", Text.of("请在“修改密码”中更改您自己的密码。",
                    "Change your own password under “Change password”."));
        }
        if (target.user().hasRole(Role.PLATFORM_ADMIN) && !admin.hasRole(Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("reset_not_allowed", Text.of("区级管理员不能重置平台管理员的密码。",
                    "A district administrator cannot reset a platform administrator's password."));
        }
        new Validation().requireText(temporaryPassword, "password", PasswordPolicy.MAX_LENGTH).throwIfInvalid();
        requireAcceptable(target.user().username(), temporaryPassword, "password");
        String hash = PasswordHasher.hash(temporaryPassword);
        db.inTransaction(c -> {
            AccountStore.setPassword(c, userId, hash, true);
            accounts.endSessionsOf(c, userId);   // on every node
            AccountStore.audit(c, admin.username(), "PASSWORD_RESET", "user " + target.user().username());
            return null;
        });
    }

    private static void requireAcceptable(String username, String password, String field) {
        PasswordPolicy.problem(username, password).ifPresent(text -> {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError(field, "password_weak", text)));
        });
    }
}
