// Helpers of the mutual-aid pages: the portal's page kit (`/js/page-kit.js`, re-exported here) plus
// this module's labels, the stylesheet, plan texts, the assessment of a claim and the documents box.

import {
  el, baseKit, fmtDate, confirmDialog,
} from '/js/page-kit.js';

export * from '/js/page-kit.js';

/** Loads the module's stylesheet (next to this file, with the same ?v= as this file) once per version. */
export function ensureStyles() {
  const href = new URL(`./mutual-aid.css${new URL(import.meta.url).search}`, import.meta.url).href;
  const link = document.getElementById('ma-styles');
  if (link) {
    if (link.href !== href) link.href = href;
    return;
  }
  document.head.append(el('link', { id: 'ma-styles', rel: 'stylesheet', href }));
}

/** The last day of cover for `start` (yyyy-MM-dd): start + years − 1 day, Feb 29 clamped like java.time. */
export function coverEnd(start, years) {
  const [y, m, d] = fmtDate(start).split('-').map(Number);
  if (!y || !m || !d) return '–';
  const y2 = y + Number(years || 0);
  const lastDay = new Date(Date.UTC(y2, m, 0)).getUTCDate();
  const end = new Date(Date.UTC(y2, m - 1, Math.min(d, lastDay) - 1));
  return end.toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ labels

const STATUS = {
  // claims
  DRAFT: ['草稿', 'Draft', 'info'],
  SUBMITTED: ['已提交', 'Submitted', 'warn'],
  UNDER_REVIEW: ['审核中', 'Under review', 'info'],
  RETURNED: ['已退回', 'Returned', 'warn'],
  REJECTED: ['不予理赔', 'Rejected', 'bad'],
  APPROVED: ['已核准', 'Approved', 'ok'],
  IN_PAYMENT: ['支付中', 'Payment in progress', 'info'],
  PAID: ['已支付', 'Paid', 'ok'],
  // enrolments and group enrolments
  PENDING_PAYMENT: ['待缴费', 'Awaiting payment', 'warn'],
  ACTIVE: ['保障中', 'Active', 'ok'],
  EXPIRED: ['已到期', 'Expired', 'muted'],
  CANCELLED: ['已取消', 'Cancelled', 'bad'],
  // roster uploads
  PREVIEWED: ['待确认', 'To confirm', 'warn'],
  CONFIRMED: ['已确认', 'Confirmed', 'ok'],
  // reminders (SMS outbox)
  PENDING: ['待发送', 'Pending', 'warn'],
  SENT: ['已发送', 'Sent', 'ok'],
  FAILED: ['发送失败', 'Failed', 'bad'],
};

export const CLAIM_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED', 'IN_PAYMENT', 'PAID', 'REJECTED'];

/** Payout batches and their lines (their own words: a batch's DRAFT is not a claim's draft). */
export const PAYOUT_STATUSES = {
  DRAFT: ['待审批', 'Awaiting approval', 'warn'],
  APPROVED: ['已审批，待登记银行结果', 'Approved, awaiting the bank', 'info'],
  CLOSED: ['已登记银行结果', 'Bank result recorded', 'ok'],
  DISCARDED: ['已作废', 'Discarded', 'muted'],
};
export const PAYOUT_LINE_STATUSES = {
  PENDING: ['待银行结果', 'Awaiting the bank', 'warn'],
  PAID: ['已支付', 'Paid', 'ok'],
  FAILED: ['支付失败', 'Failed', 'bad'],
  DISCARDED: ['已作废', 'Discarded', 'muted'],
};

export const EVENT_TYPES = {
  HOSPITAL_STAY: ['住院', 'Hospital stay'],
  CRITICAL_ILLNESS: ['重大疾病', 'Critical illness'],
  ACCIDENT_DISABILITY: ['意外伤残', 'Accidental disability'],
  ACCIDENTAL_DEATH: ['意外身故', 'Accidental death'],
};

export const ITEMS = {
  MEDICAL: ['住院医疗费用', 'Hospital costs'],
  CONSOLATION: ['住院慰问金', 'Hospital consolation'],
  CRITICAL_ILLNESS: ['重大疾病互助金', 'Critical illness'],
  DISABILITY: ['身体伤残互助金', 'Disability'],
  ACCIDENTAL_DEATH: ['意外身故互助金', 'Accidental death'],
  OVERALL_CAP: ['每期总限额', 'Overall cap per term'],
};

export const CATEGORIES = {
  EMPLOYEE: ['在职职工', 'Employee in service'],
  DISPATCHED: ['劳务派遣工', 'Labour-dispatch worker'],
  GIG_WORKER: ['新就业形态劳动者', 'Gig worker'],
  MODEL_WORKER: ['劳模', 'Model worker'],
};

export const ACTIONS = {
  FILE: ['提交申请', 'Filed'],
  START_REVIEW: ['开始审核', 'Review started'],
  APPROVE: ['核准', 'Approved'],
  RETURN: ['退回', 'Returned'],
  REJECT: ['不予理赔', 'Rejected'],
  RESUBMIT: ['重新提交', 'Resubmitted'],
  PAY: ['银行已支付', 'Paid by the bank'],
  PAYOUT: ['列入支付批次', 'Put into a payout batch'],
  PAYOUT_DISCARDED: ['支付批次作废', 'Payout batch discarded'],
  PAYMENT_FAILED: ['银行支付失败', 'Transfer failed'],
  PAYEE: ['填写收款账户', 'Account given'],
  DOCUMENT_DELETED: ['删除材料', 'Document removed'],
  SUBMIT: ['提交草稿', 'Draft submitted'],
  DOCUMENT: ['上传材料', 'Document added'],
  IMPORT: ['医保结算导入', 'Imported from settlements'],
};

/** Users the server acts as (FILED_BY, history actors) that are no person. */
export const SYSTEM_ACTORS = {
  'settlement-import': ['医保结算数据导入', 'hospital settlement import'],
};

export const REMINDER_KINDS = {
  CLAIM_RETURNED: ['理赔退回', 'Claim returned'],
  COVER_ENDING: ['保障即将到期', 'Cover ending'],
  PAYMENT_MADE: ['互助金已支付', 'Payment made'],
  PAYMENT_FAILED: ['转账失败请核对账户', 'Transfer failed: check the account'],
  DRAFT_CLAIM: ['理赔草稿待提交', 'Draft claim to submit'],
};

export const REMINDER_STATUSES = ['PENDING', 'SENT', 'FAILED'];

/** Column keys of a settlement file, as the server names them in problems (SettlementReader). */
export const SETTLEMENT_FIELDS = {
  file: ['文件', 'File'],
  idNumber: ['身份证号', 'ID number'],
  admissionDate: ['入院日期', 'Admission date'],
  dischargeDate: ['出院日期', 'Discharge date'],
  hospital: ['医院', 'Hospital'],
  totalCost: ['医疗总费用', 'Total cost'],
  basicInsurance: ['基本医保支付', 'Paid by basic insurance'],
  diagnosis: ['诊断', 'Diagnosis'],
};


/** Column keys of a roster, as the server names them in problems. */
export const ROSTER_FIELDS = {
  file: ['文件', 'File'],
  name: ['姓名', 'Name'],
  idNumber: ['身份证号', 'ID number'],
  phone: ['手机号', 'Phone'],
  gender: ['性别', 'Gender'],
  category: ['类别', 'Category'],
  basicInsurance: ['参加基本医保', 'Basic medical insurance'],
  unionMember: ['工会会员', 'Union member'],
  eligibility: ['参保条件', 'Eligibility'],
};

// ------------------------------------------------------------------ confirmation and print

/** Prints only `node` on A4 (the module's print styles hide the rest of the portal while it prints). */
export function printOnly(node) {
  node.classList.add('ma-print-target');
  document.body.classList.add('ma-print');
  const done = () => {
    document.body.classList.remove('ma-print');
    node.classList.remove('ma-print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

// ------------------------------------------------------------------ helpers bound to the page's language

/** Helpers that know the page's language: `const k = kit(context)` (the page kit's plus this module's). */
export function kit(context) {
  const base = baseKit(context, { statuses: STATUS });
  const {
    t, pick, money, problem, table, checkSession,
  } = base;
  /**
   * Readable lines describing a plan's benefit items (texts; with `nodes`, for the page, the critical illnesses the
   * plan names are shown as its writer named them, ui-verbatim).
   */
  const benefitLines = (benefits, { nodes = false } = {}) => {
    if (!benefits) return [];
    const capText = (fen) => (Number(fen) > 0 ? money(fen, { short: true }) : t('不限', 'no limit'));
    const out = [];
    const m = benefits.medical;
    if (m) {
      out.push(t(`${ITEMS.MEDICAL[0]}：自付部分报销 ${m.sharePercent}%，起付线 ${money(m.deductibleFen, { short: true })}，`
        + `单次最高 ${capText(m.perClaimCapFen)}，年度最高 ${capText(m.yearlyCapFen)}`,
      `${ITEMS.MEDICAL[1]}: ${m.sharePercent}% of the own share above a deductible of ${money(m.deductibleFen, { short: true })}, `
        + `per claim ${capText(m.perClaimCapFen)}, per year ${capText(m.yearlyCapFen)}`));
    }
    const c = benefits.consolation;
    if (c) {
      const perDay = c.mode === 'PER_DAY';
      out.push(t(`${ITEMS.CONSOLATION[0]}：${perDay ? '每天' : '每次住院'} ${money(c.amountFen, { short: true })}，每次最高 ${capText(c.capFen)}`,
        `${ITEMS.CONSOLATION[1]}: ${money(c.amountFen, { short: true })} ${perDay ? 'per day' : 'per stay'}, at most ${capText(c.capFen)} per stay`));
    }
    const ci = benefits.criticalIllness;
    if (ci) {
      const named = ci.diseases && ci.diseases.length ? ci.diseases.join('、') : null;
      const list = named == null ? t('所有确诊的重大疾病', 'any diagnosed critical illness') : nodes ? base.verbatim(named) : named;
      const line = [t(`${ITEMS.CRITICAL_ILLNESS[0]} ${money(ci.amountFen, { short: true })}（每期一次；`,
        `${ITEMS.CRITICAL_ILLNESS[1]} ${money(ci.amountFen, { short: true })} (once per term; `), list, t('）', ')')];
      out.push(nodes ? line : line.join(''));
    }
    const d = benefits.disability;
    if (d) {
      out.push(t(`${ITEMS.DISABILITY[0]}：最高 ${money(d.baseSumFen, { short: true })}（按伤残等级 1–10 级给付 100%–10%）`,
        `${ITEMS.DISABILITY[1]}: up to ${money(d.baseSumFen, { short: true })} (grade 1–10 pays 100%–10%)`));
    }
    if (Number(benefits.accidentalDeathFen) > 0) {
      out.push(t(`${ITEMS.ACCIDENTAL_DEATH[0]} ${money(benefits.accidentalDeathFen, { short: true })}`,
        `${ITEMS.ACCIDENTAL_DEATH[1]} ${money(benefits.accidentalDeathFen, { short: true })}`));
    }
    if (Number(benefits.overallCapFen) > 0) {
      out.push(t(`每期合计最高 ${money(benefits.overallCapFen, { short: true })}`,
        `At most ${money(benefits.overallCapFen, { short: true })} per term in all`));
    }
    return out;
  };

  const eligibilityLines = (e) => {
    if (!e) return [];
    const out = [];
    if (e.inServiceRequired) out.push(t('须为在职职工', 'in service'));
    if (e.basicInsuranceRequired) out.push(t('须参加城镇职工基本医疗保险', 'in basic medical insurance'));
    if (e.unionMemberRequired) out.push(t('须为工会会员', 'union member'));
    if (e.womenOnly) out.push(t('仅限女职工', 'women only'));
    const cats = e.categories || [];
    out.push(cats.length
      ? t(`限：${cats.map((c) => pick(CATEGORIES[c], c)).join('、')}`, `only: ${cats.map((c) => pick(CATEGORIES[c], c)).join(', ')}`)
      : t('各类职工均可', 'all worker categories'));
    return out;
  };

  /** The rules' assessment of a claim: lines (item, amount, explanation, capped), total, rejections. */
  const assessment = (a, id = 'claim') => {
    const lines = Array.isArray(a && a.lines) ? a.lines : [];
    const rejections = Array.isArray(a && a.rejections) ? a.rejections : [];
    return el('div', { class: 'ui-section', id: `${id}-assessment`, dataset: { totalFen: (a && a.totalFen) ?? 0 } },
      el('h3', {}, t('测算明细', 'Assessment')),
      table([
        { label: t('项目', 'Item'), key: 'item', className: 'nowrap', value: (l) => pick(ITEMS[l.item], l.item) },
        { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (l) => (l.item === 'OVERALL_CAP' ? '—' : money(l.amountFen)) },
        { label: t('说明', 'Explanation'), key: 'explanation', value: (l) => [t(l.explanationZh, l.explanationEn), ' ',
          l.capped ? el('span', { class: 'badge ui-warn', dataset: { capped: 'true' } }, t('已封顶', 'capped')) : null] },
      ], lines, {
        id: `${id}-lines`, empty: t('没有可给付的项目。', 'Nothing is payable.'),
        rowAttrs: (l) => ({ dataset: { item: l.item, capped: String(Boolean(l.capped)) } }),
      }),
      el('p', { class: 'ui-total', id: `${id}-total` }, t(`合计：${money(a && a.totalFen)}`, `Total: ${money(a && a.totalFen)}`)),
      rejections.length ? el('div', {},
        el('h3', {}, t('不予给付的原因', 'Not paid because')),
        el('ul', { class: 'ui-lines', id: `${id}-rejections` }, rejections.map((r) => el('li', { dataset: { code: r.code } },
          t(r.messageZh, r.messageEn))))) : null);
  };

  /** Fee per person for the whole term (the server's Plan.feePerPersonFen()). */
  const feePerPerson = (plan) => (plan.feeBasis === 'PER_YEAR' ? plan.feeFen * plan.termYears : plan.feeFen);

  const feeText = (plan) => `${money(plan.feeFen, { short: true })}${plan.feeBasis === 'PER_YEAR'
    ? t(' /人·年', ' per person per year') : t(` /人·期（${plan.termYears} 年）`, ` per person per ${plan.termYears}-year term`)}`;

  const planName = (plan) => t(plan.nameZh || plan.planNameZh, plan.nameEn || plan.planNameEn);

  /** A user name as shown: system users (the settlement import) get a readable name. */
  const actorLabel = (name) => pick(SYSTEM_ACTORS[name], name ?? '');

  /** Who did something: a system user's readable name, or a person's name as written (`ui-verbatim`). */
  const person = (name, login) => {
    const system = SYSTEM_ACTORS[login] || SYSTEM_ACTORS[name];
    return system ? pick(system) : base.verbatim(name || login);
  };

  /** The supporting documents of claim `claimId` (see the page kit's documentsBox). */
  const documents = (claimId, { id = `claim-documents-${claimId}`, canUpload = false, onUploaded = null, hint = null } = {}) => base.documentsBox(
    `/api/mutual-aid/claims/${encodeURIComponent(claimId)}/documents`, {
      id, fileInputId: `doc-file-${claimId}`, uploadButtonId: `doc-upload-${claimId}`, canUpload, onUploaded,
      actorLabel: (name) => person(name, name), dataset: { claimId },
      hint: hint || t('发票、费用清单、出院小结、诊断证明等，PDF、JPG 或 PNG 格式，每个文件不超过 10 MB。',
        'Invoices, cost lists, discharge summaries, diagnoses: PDF, JPG or PNG, at most 10 MB each.'),
    });

  /** A badge of a payout batch or line status. */
  const payoutBadge = (status, map = PAYOUT_STATUSES) => el('span', {
    class: `badge ui-badge ui-${(map[status] || [])[2] || 'muted'}`, dataset: { status: status || '' },
  }, pick(map[status], status));

  /** 提交 → 审核 → 核准 → 支付 of a claim, with the day it was paid; `data-step` is the step reached. */
  const progress = (c, id = `claim-progress-${c.id}`) => {
    const reached = {
      DRAFT: 0, SUBMITTED: 1, UNDER_REVIEW: 2, RETURNED: 2, REJECTED: 2, APPROVED: 3, IN_PAYMENT: 4, PAID: 4,
    }[c.status] ?? 0;
    const done = (i) => i < reached || (i === reached && ['SUBMITTED', 'APPROVED', 'PAID'].includes(c.status));
    const steps = [
      [t('提交', 'Filed'), c.filedAt && c.status !== 'DRAFT' ? fmtDate(c.filedAt) : null],
      [t('审核', 'Review'), c.status === 'RETURNED' ? t('已退回', 'returned') : c.status === 'REJECTED' ? t('不予理赔', 'rejected') : null],
      [t('核准', 'Approved'), c.approvedFen != null && c.status !== 'REJECTED' ? money(c.approvedFen) : null],
      [t('支付', 'Paid'), c.status === 'PAID' ? fmtDate(c.paidOn) : c.status === 'IN_PAYMENT' ? t('支付中', 'in progress') : null],
    ];
    const bad = c.status === 'REJECTED' || c.status === 'RETURNED';
    return el('ol', { class: 'ma-progress', id, dataset: { step: String(reached), status: c.status }, 'aria-label': t('理赔进度', 'Claim progress') },
      steps.map(([label, note], i) => el('li', {
        class: [done(i + 1) ? 'done' : '', i + 1 === reached && !done(i + 1) ? 'current' : '', i + 1 === reached && bad ? 'bad' : ''].join(' ').trim(),
        dataset: { step: String(i + 1) },
      }, el('span', { class: 'ma-progress-label' }, label), note ? el('small', { class: 'ma-progress-note' }, note) : null)));
  };

  return {
    ...base, assessment, payoutBadge, progress,
    confirm: (options) => confirmDialog(t, options),
    benefitLines, eligibilityLines, feePerPerson, feeText, planName, actorLabel, person, documents,
    eventLabel: (type) => pick(EVENT_TYPES[type], type),
    itemLabel: (item) => pick(ITEMS[item], item),
    actionLabel: (action) => pick(ACTIONS[action], action),
    reminderKindLabel: (kind) => pick(REMINDER_KINDS[kind], kind),
  };
}
