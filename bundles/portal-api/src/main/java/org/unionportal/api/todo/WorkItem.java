package org.unionportal.api.todo;

import java.util.Objects;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * One line of the home page's work to do (工作台): how many things wait for the current user, what they are and where
 * the filtered list is.
 *
 * @param code  a stable code, e.g. {@code mutual-aid.claims.toReview}
 * @param label what waits, without the number, in both languages (e.g. 理赔待审核 / claims to review)
 * @param count how many (0 is shown quietly)
 * @param route the page's route with its filter, as in the menu, e.g. {@code mutual-aid/claims?status=SUBMITTED}
 */
public record WorkItem(String code, Text label, long count, String route) implements Labelled {
    public WorkItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(route, "route");
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
    }

    public static WorkItem of(String code, String zh, String en, long count, String route) {
        return new WorkItem(code, Text.of(zh, en), count, route);
    }
}
