package org.unionportal.mutualaid.internal.rules;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * The steps of a payout batch after it is made (its state machine): from which {@link PayoutStatus} each may be
 * taken, where it leads, and whether the batch's maker is refused (maker-checker).
 */
public enum PayoutAction implements Labelled {
    APPROVE("审批", "approve", EnumSet.of(PayoutStatus.DRAFT), PayoutStatus.APPROVED, true),
    DISCARD("作废", "discard", EnumSet.of(PayoutStatus.DRAFT), PayoutStatus.DISCARDED, false),
    /** The bank file: only once approved (and still after the result, to check it against the bank's answer). */
    EXPORT_BANK_FILE("下载银行文件", "download the bank file", EnumSet.of(PayoutStatus.APPROVED, PayoutStatus.CLOSED), null, false),
    RECORD_RESULT("登记银行结果", "record the bank's result", EnumSet.of(PayoutStatus.APPROVED), PayoutStatus.CLOSED, false);

    private final Text label;
    private final Set<PayoutStatus> from;
    private final PayoutStatus to;
    private final boolean secondPerson;

    PayoutAction(String zh, String en, Set<PayoutStatus> from, PayoutStatus to, boolean secondPerson) {
        this.label = Text.of(zh, en);
        this.from = from;
        this.to = to;
        this.secondPerson = secondPerson;
    }

    public boolean possibleFrom(PayoutStatus status) {
        return from.contains(status);
    }

    /** Where the batch goes; empty when the step leaves it where it is. */
    public Optional<PayoutStatus> to() {
        return Optional.ofNullable(to);
    }

    /** Whether the batch's maker is refused for this step when maker-checker is on. */
    public boolean needsSecondPerson() {
        return secondPerson;
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
