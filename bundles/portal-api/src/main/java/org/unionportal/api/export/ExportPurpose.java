package org.unionportal.api.export;

import org.unionportal.api.security.Masking;

/**
 * Why a table is exported, which decides how much personal data it carries: the one masking policy
 * of every export. A list for reading or counting needs no full ID number, phone or bank account;
 * a file a bank pays from needs the ID numbers and accounts it matches. Pass every personal value
 * of a row through the purpose:
 * <pre>
 * row.add(purpose.idNumber(m.idNumber()));
 * row.add(purpose.phone(m.phone()));
 * </pre>
 */
public enum ExportPurpose {
    /** A list to read, check or count: ID numbers, phones and bank accounts masked. */
    LIST(false, false, false),
    /** A roster an insurer or authority matches person by person: full ID numbers; phones and accounts masked. */
    ROSTER(true, false, false),
    /** A payment file for the bank or the payer: full ID numbers and bank accounts; phones masked. */
    PAYMENT(true, false, true);

    private final boolean fullIdNumbers;
    private final boolean fullPhones;
    private final boolean fullBankAccounts;

    ExportPurpose(boolean fullIdNumbers, boolean fullPhones, boolean fullBankAccounts) {
        this.fullIdNumbers = fullIdNumbers;
        this.fullPhones = fullPhones;
        this.fullBankAccounts = fullBankAccounts;
    }

    /** The ID number as this export may carry it ({@code 3202**********1234} when masked). */
    public String idNumber(String idNumber) {
        return fullIdNumbers ? idNumber : Masking.idNumber(idNumber);
    }

    public String phone(String phone) {
        return fullPhones ? phone : Masking.phone(phone);
    }

    public String bankAccount(String account) {
        return fullBankAccounts ? account : Masking.bankAccount(account);
    }

    /** Whether ID numbers go out in full. */
    public boolean fullIdNumbers() {
        return fullIdNumbers;
    }
}
