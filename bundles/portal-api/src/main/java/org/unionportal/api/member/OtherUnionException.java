package org.unionportal.api.member;

import java.util.List;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;

/**
 * A union tried to register or change people who are members of another union. The answer names nothing of
 * the other record (no name, no union): the operator asks the district or city union for a transfer.
 */
public class OtherUnionException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** The stable code of the refusal, also used for a roster's row problem. */
    public static final String CODE = "member_of_other_union";
    /** The neutral message, for one person. */
    public static final Text MESSAGE = Text.of(
            "该身份证号不能由本工会登记或修改。如此人已转入本单位，请联系区或市总工会办理会员转移。",
            "This ID number cannot be registered or changed by your union. If the person has joined your "
                    + "organisation, ask the district or city union to transfer the member.");

    private final transient List<String> idNumbers;

    public OtherUnionException(List<String> idNumbers) {
        super(409, CODE, MESSAGE);
        this.idNumbers = List.copyOf(idNumbers);
    }

    /** The refused ID numbers, for the caller to point at its own rows; never shown to the user as such. */
    public List<String> idNumbers() {
        return idNumbers;
    }
}
