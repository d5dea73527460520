package org.unionportal.api.demo;

/**
 * Stable codes ({@code OrganisationDirectory.byCode}) of the demo city's organisations (Wuxi), so
 * that demo seeds and tests find them without their Chinese names.
 */
public final class DemoOrganisations {
    /** 无锡市总工会 */
    public static final String CITY = "wuxi";
    /** 梁溪区总工会 */
    public static final String LIANGXI = "wuxi-liangxi";
    /** 滨湖区总工会 */
    public static final String BINHU = "wuxi-binhu";
    /** 新吴区总工会 */
    public static final String XINWU = "wuxi-xinwu";
    /** 锡山区总工会 */
    public static final String XISHAN = "wuxi-xishan";
    /** 惠山区总工会 */
    public static final String HUISHAN = "wuxi-huishan";
    /** 无锡市物流行业工会联合会 */
    public static final String LOGISTICS = "wuxi-logistics";
    /** 梁溪区实验幼儿园工会 (the demo operator's and member's union) */
    public static final String LIANGXI_KINDERGARTEN = "wuxi-liangxi-kindergarten";
    /** 梁溪区环卫所工会 */
    public static final String LIANGXI_SANITATION = "wuxi-liangxi-sanitation";
    /** 滨湖区软件园联合工会 (operator2's union) */
    public static final String BINHU_SOFTWARE_PARK = "wuxi-binhu-software-park";
    /** 新吴区电子厂工会 */
    public static final String XINWU_ELECTRONICS = "wuxi-xinwu-electronics";
    /** 顺达快递无锡分公司工会 */
    public static final String SHUNDA_EXPRESS = "wuxi-logistics-shunda-express";

    private DemoOrganisations() {
    }
}
