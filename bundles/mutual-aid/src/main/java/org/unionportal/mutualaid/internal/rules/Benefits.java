package org.unionportal.mutualaid.internal.rules;

/**
 * What a plan pays.
 *
 * @param medical            住院医疗费用, null = not covered
 * @param consolation        住院慰问金, null = not covered
 * @param criticalIllness    重大疾病互助金, null = not covered
 * @param disability         身体伤残互助金, null = not covered
 * @param accidentalDeathFen 意外身故互助金, 0 = not covered
 * @param overallCapFen      most paid per member per term over all items, 0 = none
 */
public record Benefits(MedicalBenefit medical, ConsolationBenefit consolation, LumpSumBenefit criticalIllness,
                       DisabilityBenefit disability, long accidentalDeathFen, long overallCapFen) {

    public Benefits {
        Checks.nonNegative("accidentalDeathFen", accidentalDeathFen);
        Checks.nonNegative("overallCapFen", overallCapFen);
    }
}
