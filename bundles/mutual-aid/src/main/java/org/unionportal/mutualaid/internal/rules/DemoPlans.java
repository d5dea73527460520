package org.unionportal.mutualaid.internal.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.unionportal.api.money.Money.ofYuan;

/**
 * The demo plans, with the figures reported in the seed articles (Wuxi and Huai'an union
 * newspapers). Tests reproduce the articles' payouts from these templates.
 */
public final class DemoPlans {

    /** The common critical-illness list of the Wuxi and Huai'an plans. */
    public static final List<String> COMMON_CRITICAL_ILLNESSES =
            List.of("恶性肿瘤", "急性心肌梗塞", "脑中风后遗症", "重大器官移植术", "冠状动脉搭桥术", "终末期肾病", "严重烧伤", "瘫痪");

    /** The women's special diseases of the three-year women workers' plan. */
    public static final List<String> WOMEN_DISEASES =
            List.of("乳腺癌", "宫颈癌", "卵巢癌", "子宫内膜癌", "子宫肉瘤", "阴道癌", "外阴癌", "输卵管癌");

    private DemoPlans() {
    }

    /**
     * 无锡 一年期"住院+重疾+意外"("三合一"): 120 CNY per person per year, zero deductible (起付线"零").
     * Open to employees in service with basic medical insurance and union membership; model
     * workers are employees too. Dispatched workers are left out: the Wuxi society was still
     * "exploring" how to let them join.
     */
    public static PlanTemplate wuxiThreeInOne() {
        Benefits b = new Benefits(
                new MedicalBenefit(50, 0, ofYuan(20_000), ofYuan(30_000)),
                new ConsolationBenefit(ConsolationMode.PER_DAY, ofYuan(50), ofYuan(1_500)),
                new LumpSumBenefit(ofYuan(20_000), COMMON_CRITICAL_ILLNESSES),
                new DisabilityBenefit(ofYuan(30_000)),
                ofYuan(30_000),
                ofYuan(60_000));
        return new PlanTemplate("WX-3IN1", "一年期“住院+重疾+意外”职工医疗互助保障（三合一）",
                "One-year hospital + critical illness + accident plan (3-in-1)", 1, ofYuan(120), FeeBasis.PER_YEAR,
                new Eligibility(true, true, true, false, EnumSet.of(WorkerCategory.EMPLOYEE, WorkerCategory.MODEL_WORKER)),
                b, 90,
                "无锡市区在职并参加城镇职工基本医疗保险的工会会员均可参加，每人每年 120 元，“零”起付线，住院即可理赔（免责条款除外）。"
                        + "保障住院医疗费用（自付部分 50%，单次最高 2 万元，年度最高 3 万元）、住院慰问金（每天 50 元，每次最高 1500 元）、"
                        + "重大疾病互助金 2 万元、身体伤残互助金（最高 3 万元）、意外身故互助金 3 万元；每期合计最高 6 万元；疾病等待期 90 天。");
    }

    /**
     * "锡新保": the one-year plan the Wuxi federation gives free to gig workers (couriers, riders,
     * drivers). They are not employees in service of an employer and often neither union members
     * nor in the employees' medical insurance, so only the category is required.
     */
    public static PlanTemplate wuxiGigWorkers() {
        Benefits b = new Benefits(
                new MedicalBenefit(50, 0, ofYuan(10_000), ofYuan(10_000)),
                new ConsolationBenefit(ConsolationMode.PER_DAY, ofYuan(50), ofYuan(1_000)),
                new LumpSumBenefit(ofYuan(10_000), COMMON_CRITICAL_ILLNESSES),
                new DisabilityBenefit(ofYuan(20_000)),
                ofYuan(20_000),
                ofYuan(30_000));
        return new PlanTemplate("WX-XINBAO", "新就业形态劳动者“三合一”专项互助保障（锡新保）",
                "Xinbao: free 3-in-1 plan for gig workers", 1, 0, FeeBasis.PER_YEAR,
                new Eligibility(false, false, false, false, EnumSet.of(WorkerCategory.GIG_WORKER)),
                b, 30,
                "市总工会为快递员、外卖配送员、网约车司机、货车司机等新就业形态劳动者免费赠送的一年期医疗互助保障。"
                        + "保障住院医疗费用（自付部分 50%，单次及年度最高 1 万元）、住院慰问金（每天 50 元，每次最高 1000 元）、"
                        + "重大疾病互助金 1 万元、身体伤残互助金（最高 2 万元）、意外身故互助金 2 万元；每期合计最高 3 万元；疾病等待期 30 天。");
    }

    /** 三年期女职工互助保障: 90 CNY for the whole three-year term, women's special diseases only. */
    public static PlanTemplate wuxiWomenThreeYear() {
        Benefits b = new Benefits(null, null, new LumpSumBenefit(ofYuan(10_000), WOMEN_DISEASES), null, 0,
                ofYuan(10_000));
        return new PlanTemplate("WX-WOMEN3", "三年期女职工互助保障", "Three-year women workers' plan", 3,
                ofYuan(90), FeeBasis.PER_TERM,
                new Eligibility(true, false, true, true, Set.of()),
                b, 180,
                "在职女职工会员参加，每人每期（三年）90 元。确诊乳腺癌、宫颈癌、卵巢癌、子宫内膜癌、子宫肉瘤、阴道癌、外阴癌、"
                        + "输卵管癌等女职工特殊疾病的，给付互助金 1 万元，每期限一次；疾病等待期 180 天。");
    }

    /**
     * 淮安 50 元 plan (since 1994): grassroots unions enrol members as a group; special disease,
     * hospital allowance, accidental death and disability, at most 30,000 CNY in all.
     * The family (children's) special-disease payment is not modelled here.
     */
    public static PlanTemplate huaianFifty() {
        Benefits b = new Benefits(
                null,
                new ConsolationBenefit(ConsolationMode.PER_DAY, ofYuan(30), ofYuan(900)),
                new LumpSumBenefit(ofYuan(30_000), COMMON_CRITICAL_ILLNESSES),
                new DisabilityBenefit(ofYuan(30_000)),
                ofYuan(30_000),
                ofYuan(30_000));
        return new PlanTemplate("HA-50", "淮安市职工医疗互助保障（50 元）", "Huai'an 50-yuan mutual-aid plan", 1,
                ofYuan(50), FeeBasis.PER_YEAR,
                new Eligibility(true, false, true, false, Set.of()),
                b, 90,
                "由基层单位工会组织职工团体入会，每人每年 50 元，享受特殊疾病互助金 3 万元、住院补助金（每天 30 元，每次最高 900 元）、"
                        + "意外身故补助金 3 万元、意外伤残补助金（最高 3 万元），最高救助金额 3 万元；疾病等待期 90 天。");
    }

    /** All demo plans in a stable order. */
    public static List<PlanTemplate> all() {
        return List.of(wuxiThreeInOne(), wuxiGigWorkers(), wuxiWomenThreeYear(), huaianFifty());
    }

    /** The demo plan with {@code code} (exact match). */
    public static Optional<PlanTemplate> byCode(String code) {
        return all().stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
