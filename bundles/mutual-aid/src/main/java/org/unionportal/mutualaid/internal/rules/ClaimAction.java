package org.unionportal.mutualaid.internal.rules;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * The decisions on a claim (its state machine): from which statuses each may be taken, where it
 * leads, and who takes it. Filing ({@code FILE}) and paying ({@code PAY}) are no decisions: they
 * create a claim or move it in a payout batch.
 */
public enum ClaimAction implements Labelled {
    /** A draft prepared from the settlements becomes a claim once its member sends it. */
    SUBMIT(Actor.FILER, ClaimStatus.SUBMITTED, "提交草稿", "submit the draft", EnumSet.of(ClaimStatus.DRAFT)),
    START_REVIEW(Actor.REVIEWER, ClaimStatus.UNDER_REVIEW, "开始审核", "start the review", EnumSet.of(ClaimStatus.SUBMITTED)),
    APPROVE(Actor.REVIEWER, ClaimStatus.APPROVED, "核准", "approve",
            EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)),
    RETURN(Actor.REVIEWER, ClaimStatus.RETURNED, "退回", "return", EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)),
    REJECT(Actor.REVIEWER, ClaimStatus.REJECTED, "不予理赔", "reject", EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)),
    RESUBMIT(Actor.FILER, ClaimStatus.SUBMITTED, "重新提交", "resubmit", EnumSet.of(ClaimStatus.RETURNED));

    /** Who takes a decision: the member or their union's operator, or district or city staff. */
    public enum Actor {
        FILER,
        REVIEWER
    }

    private final Actor actor;
    private final ClaimStatus to;
    private final Text label;
    private final Set<ClaimStatus> from;

    ClaimAction(Actor actor, ClaimStatus to, String zh, String en, Set<ClaimStatus> from) {
        this.actor = actor;
        this.to = to;
        this.label = Text.of(zh, en);
        this.from = from;
    }

    /** The action named by {@code text} (any case, surrounding blanks ignored), if it is one. */
    public static Optional<ClaimAction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (ClaimAction a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public Actor actor() {
        return actor;
    }

    public ClaimStatus to() {
        return to;
    }

    /** The statuses this decision may be taken from. */
    public Set<ClaimStatus> from() {
        return EnumSet.copyOf(from);
    }

    public boolean possibleFrom(ClaimStatus status) {
        return from.contains(status);
    }

    /** Returning and rejecting always say why, so the member knows what to do. */
    public boolean needsReason() {
        return this == RETURN || this == REJECT;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }
}
