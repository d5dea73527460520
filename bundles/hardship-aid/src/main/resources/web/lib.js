// Helpers of the hardship-aid pages (困难职工帮扶): the portal's page kit (`/js/page-kit.js`, re-exported
// here) plus this module's labels, the stylesheet, periods of payment batches and badges per code set.

import {
  el, baseKit, fmtDate, fmtDateTime, today,
} from '/js/page-kit.js';

export * from '/js/page-kit.js';

/** The module's REST base. */
export const API = '/api/hardship-aid';

/** Loads the module's stylesheet (next to this file, with the same ?v= as this file) once per version. */
export function ensureStyles() {
  const href = new URL(`./hardship-aid.css${new URL(import.meta.url).search}`, import.meta.url).href;
  const link = document.getElementById('ha-styles');
  if (link) {
    if (link.href !== href) link.href = href;
    return;
  }
  document.head.append(el('link', { id: 'ha-styles', rel: 'stylesheet', href }));
}

// ------------------------------------------------------------------ labels (codes of docs/HARDSHIP-AID.md)

export const LEVELS = {
  HARDSHIP: ['困难', 'Hardship', 'warn'],
  SPECIAL: ['特困', 'Special hardship', 'bad'],
};

export const FILE_LEVELS = {
  DISTRICT: ['区级', 'District'],
  CITY: ['市级', 'City'],
};

export const HOUSEHOLD_STATUSES = {
  APPLIED: ['待审核', 'Awaiting review', 'warn'],
  RETURNED: ['已退回', 'Returned', 'warn'],
  ON_FILE: ['在档', 'On file', 'ok'],
  REJECTED: ['不予建档', 'Rejected', 'bad'],
  LEFT: ['已出档', 'Left the file', 'muted'],
};

export const CAUSES = {
  ILLNESS: ['因病', 'Illness'],
  DISABILITY: ['因残', 'Disability'],
  JOB_LOSS: ['失业', 'Job loss'],
  ACCIDENT: ['意外事故', 'Accident'],
  SINGLE_PARENT: ['单亲', 'Single parent'],
  EDUCATION: ['子女上学', 'Children at school'],
  LOW_INCOME: ['收入低', 'Low income'],
  OTHER: ['其他', 'Other'],
};

export const RELATIONS = {
  SELF: ['本人', 'Self (applicant)'],
  SPOUSE: ['配偶', 'Spouse'],
  CHILD: ['子女', 'Child'],
  PARENT: ['父母', 'Parent'],
  OTHER: ['其他', 'Other'],
};

export const STAGES = {
  KINDERGARTEN: ['幼儿园', 'Kindergarten'],
  PRIMARY: ['小学', 'Primary school'],
  JUNIOR_HIGH: ['初中', 'Junior high school'],
  SENIOR_HIGH: ['高中', 'Senior high school'],
  VOCATIONAL: ['中职', 'Vocational school'],
  UNIVERSITY: ['全日制高校（大专/本科/研究生）', 'University (full-time)'],
};

export const CHANNELS = {
  BANK: ['银行转账', 'Bank transfer'],
  LOVE_CARD: ['爱心卡', 'Love card'],
};

export const ITEMS = {
  LIVING: ['生活补贴', 'Living subsidy'],
  SCHOOLING_UNIVERSITY: ['助学·大学', 'Schooling: university'],
  SCHOOLING_HIGH: ['助学·高中/中职', 'Schooling: high school / vocational'],
  SCHOOLING_BASIC: ['助学·义务教育/幼儿园', 'Schooling: compulsory / kindergarten'],
  ENTRANT_AWARD: ['新生奖励', 'New entrant award'],
  ENTRANT_TICKET: ['新生异地入学车票', 'Entrant’s train ticket'],
  MEDICAL: ['医疗补贴', 'Medical subsidy'],
  HOLIDAY_VISIT: ['两节慰问', 'New Year and Spring Festival visit'],
  PRICE_SUBSIDY: ['临时价格补贴', 'Temporary price subsidy'],
  ONE_OFF_PRICE: ['一次性临时价格补贴', 'One-off price subsidy'],
  SUMMER_HEAT: ['夏季防暑降温', 'Summer heat subsidy'],
};

/** How each item's amount is meant (the standards page shows it right after the amount, e.g. "600.00 元/户·季度"). */
export const ITEM_UNITS = {
  LIVING: ['/户·季度', 'per household and quarter'],
  SCHOOLING_UNIVERSITY: ['/人·学年', 'per child and school year'],
  SCHOOLING_HIGH: ['/人·学年', 'per child and school year'],
  SCHOOLING_BASIC: ['/人·学年', 'per child and school year'],
  ENTRANT_AWARD: ['/人', 'per entrant'],
  ENTRANT_TICKET: ['按车票报销，不超过高铁二等座票价', 'the ticket, at most the second-class high-speed fare'],
  MEDICAL: ['/户·年', 'per household and year'],
  HOLIDAY_VISIT: ['/户', 'per household'],
  PRICE_SUBSIDY: ['/户·月（按季度发放到爱心卡）', 'per household and month (paid per quarter to the love card)'],
  ONE_OFF_PRICE: ['/户', 'per household'],
  SUMMER_HEAT: ['/户', 'per household'],
};

export const BATCH_KINDS = {
  QUARTER: ['季度发放', 'Quarterly payment'],
  SCHOOL_YEAR: ['学年助学', 'School-year aid'],
  MEDICAL: ['年度医疗补贴', 'Yearly medical subsidy'],
  HOLIDAYS: ['两节慰问', 'New Year and Spring Festival'],
  SUMMER: ['夏季防暑降温', 'Summer heat subsidy'],
  ONE_OFF_PRICE: ['一次性临时价格补贴', 'One-off price subsidy'],
  REISSUE: ['失败重发', 'Reissue of failed transfers'],
};

/** Kinds a batch can be generated for (REISSUE batches come from a closed batch's failed lines). */
export const GENERATED_KINDS = ['QUARTER', 'SCHOOL_YEAR', 'MEDICAL', 'HOLIDAYS', 'SUMMER', 'ONE_OFF_PRICE'];

export const BATCH_STATUSES = {
  DRAFT: ['待审批', 'Draft (to approve)', 'info'],
  APPROVED: ['已审批', 'Approved', 'ok'],
  CLOSED: ['已确认结果', 'Result recorded', 'muted'],
};

export const LINE_STATUSES = {
  DRAFT: ['待审批', 'Draft', 'info'],
  APPROVED: ['已审批', 'Approved', 'info'],
  PAID: ['已发放', 'Paid', 'ok'],
  FAILED: ['发放失败', 'Failed', 'bad'],
};

export const AWARD_STATUSES = {
  PROPOSED: ['待审批', 'Proposed', 'warn'],
  APPROVED: ['已审批', 'Approved', 'info'],
  REJECTED: ['不予兜底', 'Rejected', 'bad'],
  PAID: ['已支付', 'Paid', 'ok'],
};

export const STANDARD_STATUSES = {
  PROPOSED: ['待审批', 'Proposed', 'warn'],
  APPROVED: ['已生效', 'Approved', 'ok'],
  REJECTED: ['未通过', 'Rejected', 'bad'],
};

export const HISTORY_ACTIONS = {
  FILE: ['提交申请', 'Filed'],
  UPDATE: ['修改', 'Updated'],
  APPROVE: ['批准建档', 'Approved'],
  RETURN: ['退回', 'Returned'],
  REJECT: ['不予建档', 'Rejected'],
  RECHECK: ['年度复查', 'Re-checked'],
  LEAVE: ['出档', 'Left the file'],
  DOCUMENT: ['上传材料', 'Document added'],
  DOCUMENT_DELETED: ['删除材料', 'Document deleted'],
  SAFETY_NET: ['医疗兜底', 'Medical safety net'],
};

// ------------------------------------------------------------------ periods of payment batches (pure)

const QUARTER_ZH = ['一', '二', '三', '四'];
const pad2 = (n) => String(n).padStart(2, '0');

/** "2026Q4" → { year: 2026, quarter: 4 }, or null. */
export function parseQuarter(text) {
  const m = /^(\d{4})Q([1-4])$/.exec(String(text || '').trim().toUpperCase());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** The quarter of a yyyy-MM-dd day: "2026-11-22" → "2026Q4". */
export function quarterOf(day) {
  const [y, m] = String(day).split('-').map(Number);
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The quarter `steps` quarters after `period` (negative: before). */
export function shiftQuarter(period, steps) {
  const q = parseQuarter(period);
  if (!q) return null;
  const index = q.year * 4 + (q.quarter - 1) + steps;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/**
 * What a batch of `kind` for `period` pays and when (as the server's Period): `{ ok, period, dueDate, zh, en }`,
 * or `{ ok: false, zh, en }` when the period does not fit the kind. Due dates are in the period's year.
 */
export function periodInfo(kind, period) {
  const text = String(period || '').trim().toUpperCase();
  if (kind === 'QUARTER') {
    const q = parseQuarter(text);
    if (!q || q.year < 2000 || q.year > 2100) {
      return { ok: false, zh: '季度写作 2026Q4 的格式（年份 + Q + 1 至 4）', en: 'a quarter is written like 2026Q4 (year, Q, 1 to 4)' };
    }
    const prev = parseQuarter(shiftQuarter(text, -1));
    const dueDate = `${q.year}-${pad2(3 * q.quarter - 2)}-15`;
    return {
      ok: true, period: text, dueDate,
      zh: `${q.year} 年第${QUARTER_ZH[q.quarter - 1]}季度生活补贴（银行转账），以及 ${prev.year} 年第${QUARTER_ZH[prev.quarter - 1]}季度临时价格补贴（拨入爱心卡）；`
        + `发放日 ${dueDate}（该季度首月 15 日），当日在档的家庭享受。`,
      en: `The living subsidy of ${q.year} Q${q.quarter} (bank transfer) and the price subsidy of ${prev.year} Q${prev.quarter} `
        + `(onto the love card); due ${dueDate} (the 15th of the quarter’s first month), for households on file that day.`,
    };
  }
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100 || !BATCH_KINDS[kind] || kind === 'REISSUE') {
    return { ok: false, zh: '请填写四位年份，例如 2026', en: 'enter a year such as 2026' };
  }
  const y = Number(text);
  const [dueDate, zh, en] = {
    SCHOOL_YEAR: [`${y}-09-01`, `${y}/${String(y + 1).slice(2)} 学年助学金（大学、高中/中职、义务教育/幼儿园），高校新生奖励及新生异地入学车票`,
      `School-year aid for ${y}/${String(y + 1).slice(2)} (university, high school / vocational, compulsory / kindergarten), the new entrant award and the entrant’s ticket`],
    MEDICAL: [`${y}-01-15`, `${y} 年度医疗补贴（银行转账）`, `The medical subsidy of ${y} (bank transfer)`],
    HOLIDAYS: [`${y}-01-01`, `${y} 年元旦、春节两节慰问`, `The New Year and Spring Festival visit of ${y}`],
    SUMMER: [`${y}-07-15`, `${y} 年夏季防暑降温补贴（困难和特困家庭）`, `The summer heat subsidy of ${y} (hardship and special hardship households)`],
    ONE_OFF_PRICE: [`${y}-12-15`, `${y} 年一次性临时价格补贴`, `The one-off price subsidy of ${y}`],
  }[kind];
  return {
    ok: true, period: text, dueDate,
    zh: `${zh}；发放日 ${dueDate}，当日在档的家庭享受。`,
    en: `${en}; due ${dueDate}, for households on file that day.`,
  };
}

/** A sensible period to generate today (yyyy-MM-dd) for each kind. */
export function defaultPeriod(kind, day = today()) {
  const [y, m] = day.split('-').map(Number);
  switch (kind) {
    case 'QUARTER': return quarterOf(day);
    case 'SCHOOL_YEAR': return String(m >= 7 ? y : y - 1);   // from July the coming school year is prepared
    case 'HOLIDAYS': return String(m >= 10 ? y + 1 : y);      // from October the coming New Year and Spring Festival
    default: return String(y);
  }
}

/** Periods to suggest for a kind around today. */
export function periodSuggestions(kind, day = today()) {
  if (kind === 'QUARTER') {
    const current = quarterOf(day);
    return [-2, -1, 0, 1, 2].map((s) => shiftQuarter(current, s));
  }
  const y = Number(day.slice(0, 4));
  return [y - 1, y, y + 1].map(String);
}

/** The school year of a day: from September on, that year's (2026 = 2026/27). */
export function schoolYearOf(day = today()) {
  const [y, m] = day.split('-').map(Number);
  return m >= 9 ? y : y - 1;
}

/** A day ("2026-11-22") as it is, an instant as "yyyy-MM-dd HH:mm" in Shanghai time. */
export function fmtWhen(value) {
  if (value == null || value === '') return '–';
  if (Array.isArray(value) || /^\d{4}-\d{2}-\d{2}$/.test(String(value))) return fmtDate(value);
  return fmtDateTime(value);
}

/** A masked value as the server sends it ("3202**********1234", "***"). */
export const isMasked = (value) => typeof value === 'string' && value.includes('*');

/**
 * A readable label for a field the server names in a 422 ("members[1].schooling.stage"), from `labels`
 * (flat names) and the member labels (`members[i].x` → "成员 2 · x").
 */
export function fieldLabel(t, labels, field) {
  if (!field) return '';
  if (labels[field]) return labels[field];
  const m = /^members\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (m) {
    const who = t(`家庭成员 ${Number(m[1]) + 1}`, `Member ${Number(m[1]) + 1}`);
    const rest = m[2] ? (labels[`members[].${m[2]}`] || m[2]) : '';
    return rest ? `${who} · ${rest}` : who;
  }
  const f = /^failed\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (f) return t(`第 ${Number(f[1]) + 1} 笔失败记录`, `Failed line ${Number(f[1]) + 1}`) + (f[2] ? ` · ${labels[f[2]] || f[2]}` : '');
  return field;
}

// ------------------------------------------------------------------ helpers bound to the page's language

/** Prints only `node` on A4 (the module's print styles hide the rest of the portal while it prints). */
export function printOnly(node) {
  node.classList.add('ha-print-target');
  document.body.classList.add('ha-print');
  const done = () => {
    document.body.classList.remove('ha-print');
    node.classList.remove('ha-print-target');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** Helpers that know the page's language: `const k = kit(context)` (the page kit's plus this module's). */
export function kit(context) {
  const base = baseKit(context, { statuses: HOUSEHOLD_STATUSES });
  const { t, pick, problem, table, checkSession } = base;
  const roles = (context.user && context.user.roles) || [];

  /** A badge of one code set: class `badge ui-<tone>`, `data-status` the code. */
  const badgeOf = (map) => (code, extra = {}) => el('span', {
    class: `badge ui-badge ui-${(map[code] || [])[2] || 'muted'}`, dataset: { status: code || '' }, ...extra,
  }, pick(map[code], code ?? '–'));
  const labelOf = (map) => (code) => (code == null || code === '' ? '–' : pick(map[code], code));

  /** Labels of field names for problems: `labels` maps names; member fields are spelled out. */
  const problemLabels = (labels) => new Proxy({}, { get: (_, field) => (typeof field === 'string' ? fieldLabel(t, labels, field) : undefined) });

  /** A yes/no text. */
  const yesNo = (v) => (v == null ? '–' : v ? t('是', 'yes') : t('否', 'no'));

  /** A problem panel for an error outside a form (`id` given), after noticing an expired session. */
  const fail = (error, id) => {
    checkSession(error);
    return problem(error, { id });
  };

  /** The period of a batch as text: "2026Q4（2026 年第四季度…）". */
  const periodText = (kind, period) => {
    const info = periodInfo(kind, period);
    return info.ok ? t(info.zh, info.en) : '';
  };

  /**
   * The documents of household `householdId`: a table (`#ha-documents`, rows `data-doc-id`, links
   * `.ha-doc-download`) and with `canUpload` a file input `#ha-doc-file` and a button `#ha-doc-upload`.
   * `onUploaded(doc)` runs after each stored document.
   */
  /** The documents of a household (see the page kit's documentsBox); `docs` as the household's detail lists them. */
  const documents = (householdId, docs, { canUpload = false, onUploaded = null } = {}) => base.documentsBox(
    `${API}/households/${encodeURIComponent(householdId)}/documents`, {
      id: 'ha-documents', fileInputId: 'ha-doc-file', uploadButtonId: 'ha-doc-upload', docs, canUpload, onUploaded,
      dataset: { householdId },
      hint: t('收入证明、病历、残疾证、失业证明、学籍证明等，PDF、JPG 或 PNG 格式，每个文件不超过 10 MB。',
        'Proof of income, medical records, disability or unemployment certificates, school records: PDF, JPG or PNG, at most 10 MB each.'),
    });

  // People by name (张丽, not the login name): answers carry `people` (login name → name) for those in them
  const people = new Map();
  const rememberPeople = (map) => Object.entries(map || {}).forEach(([username, name]) => people.set(username, name));
  const person = (username, name = null) => name || people.get(username)
    || (context.user && username && username === context.user.username ? context.user.displayName : null) || username || '';

  /** A person's name as shown in the page's sentences: as written (`ui-verbatim`). */
  const who = (username, name = null) => base.verbatim(person(username, name));

  const levelByZh = (zh) => Object.keys(LEVELS).find((code) => LEVELS[code][0] === zh);
  const fileLevelByZh = (zh) => Object.keys(FILE_LEVELS).find((code) => FILE_LEVELS[code][0] === zh);
  /** A level or file level the server wrote in Chinese into a note, in the page's language. */
  const levelText = (zh) => (levelByZh(zh) ? labelOf(LEVELS)(levelByZh(zh)) : fileLevelByZh(zh) ? labelOf(FILE_LEVELS)(fileLevelByZh(zh)) : base.verbatim(zh));

  /**
   * A history step the server keeps as data (hardship V4: `detail.step` and its values), said in the page's language;
   * `note` is only what a person wrote (a reviewer's note, a reason), shown as written (`ui-verbatim`), and so are a
   * certificate number and a file's name.
   */
  const historyStep = (d, note) => {
    const level = labelOf(LEVELS);
    const written = note ? [t('。', '. '), base.verbatim(note)] : null;
    const safetyNet = (zh, en) => [t(`${d.year} 年医疗兜底${zh} `, `Safety net ${d.year}${en}: `), base.money(d.amountFen)];
    switch (d.step) {
      case 'FILED':
        return [d.level ? [t('提交建档申请（申请等级：', 'Application filed (level asked for: '), level(d.level), t('）', ')')]
          : t('提交建档申请', 'Application filed'), written];
      case 'RESUBMITTED': return [t('修改后重新提交', 'Changed and submitted again'), written];
      case 'CHANGED': return [t(`修改了家庭资料（${d.members} 位成员）`, `Household details changed (${d.members} member(s))`), written];
      case 'APPROVED':
        return [t(`批准建档${d.demo ? '（演示数据）' : ''}：`, `Approved${d.demo ? ' (demo data)' : ''}: `), level(d.level), t('，', ', '),
          labelOf(FILE_LEVELS)(d.fileLevel), d.certificateNo ? [t('，优惠证号 ', ', certificate no. '), base.verbatim(d.certificateNo)] : null, written];
      case 'RECHECKED':
        return [t('年度复核：', 'Annual re-check: '), d.from === d.level ? [t('等级不变（', 'level unchanged ('), level(d.level), t('）', ')')]
          : [t('等级由', 'level changed from '), level(d.from), t('调整为', ' to '), level(d.level)],
        d.certificateIssued ? [t('，发优惠证 ', ', certificate issued: '), base.verbatim(d.certificateIssued)] : null,
        d.certificateWithdrawn ? [t('，收回优惠证 ', ', certificate withdrawn: '), base.verbatim(d.certificateWithdrawn)] : null,
        t(`，下次复核 ${d.nextRecheck}`, `, next re-check ${d.nextRecheck}`), written];
      case 'LEFT': return [t(`出档（${d.date}）：`, `Left the register (${d.date}): `), base.verbatim(note)];
      case 'DOCUMENT_ADDED': return [t('上传材料：', 'Document added: '), base.verbatim(d.fileName)];
      case 'DOCUMENT_REMOVED': return [t('删除材料：', 'Document removed: '), base.verbatim(d.fileName)];
      case 'SAFETY_NET_PROPOSED': return safetyNet('申请', ' proposed');
      case 'SAFETY_NET_APPROVED': return [safetyNet('', ''), t('：批准', ', approved')];
      case 'SAFETY_NET_REJECTED': return [safetyNet('', ''), t('：不予兜底', ', refused')];
      case 'SAFETY_NET_PAID': return [safetyNet('', ''), t('已支付', ', paid')];
      default: return base.verbatim(note) || '';   // RETURNED, REJECTED: the reason is the whole note
    }
  };

  /**
   * A household's history note in the page's language: a step kept as data (`detail`) by {@link historyStep}. Rows
   * written before hardship V4 have no detail: the server wrote the notes of its own steps in Chinese
   * (提交建档申请（申请等级：特困）, 批准建档：特困，区级，优惠证号 TK2026-00001。note, 修改后重新提交, 上传材料：x.pdf, …): those are
   * read and said again in the page's language; what a person wrote (a reviewer's note, a reason, a file's name, a
   * certificate number) is shown as written (`ui-verbatim`), and so is a note of no known form.
   */
  const historyNote = (action, note, detail) => {
    if (detail && detail.step) return historyStep(detail, note);
    const text = String(note || '');
    if (!text) return '';
    if (['RETURN', 'REJECT'].includes(action)) return base.verbatim(text);
    const tail = (rest) => (rest ? [t('。', '. '), base.verbatim(rest)] : null);
    let m = /^提交建档申请(?:（申请等级：(.+)）)?$/.exec(text);
    if (m) return m[1] ? [t('提交建档申请（申请等级：', 'Application filed (level asked for: '), levelText(m[1]), t('）', ')')] : t(text, 'Application filed');
    if (text === '修改后重新提交') return t(text, 'Changed and submitted again');
    m = /^修改了家庭资料（(\d+) 位成员）$/.exec(text);
    if (m) return t(text, `Household details changed (${m[1]} member(s))`);
    m = /^批准建档(（演示数据）)?：([^，。]+)((?:，[^，。]+)*)(?:。([\s\S]*))?$/.exec(text);
    if (m) {
      const parts = m[3].split('，').filter(Boolean).map((part) => {
        const certificate = /^优惠证号 (.+)$/.exec(part);
        return certificate ? [t('，优惠证号 ', ', certificate no. '), base.verbatim(certificate[1])] : [t('，', ', '), levelText(part)];
      });
      return [t(`批准建档${m[1] ? '（演示数据）' : ''}：`, `Approved${m[1] ? ' (demo data)' : ''}: `), levelText(m[2]), parts, tail(m[4])];
    }
    m = /^(上传材料|删除材料)：([\s\S]*)$/.exec(text);
    if (m) return [m[1] === '上传材料' ? t('上传材料：', 'Document added: ') : t('删除材料：', 'Document removed: '), base.verbatim(m[2])];
    m = /^年度复核：(?:等级不变（(.+?)）|等级由(.+?)调整为([^，]+?)(?:，(发优惠证|收回优惠证) (\S+?))?)，下次复核 (\S+?)(?:。([\s\S]*))?$/.exec(text);
    if (m) {
      const change = m[1] ? [t('等级不变（', 'level unchanged ('), levelText(m[1]), t('）', ')')]
        : [t('等级由', 'level changed from '), levelText(m[2]), t('调整为', ' to '), levelText(m[3]),
          m[4] ? [m[4] === '发优惠证' ? t('，发优惠证 ', ', certificate issued: ') : t('，收回优惠证 ', ', certificate withdrawn: '), base.verbatim(m[5])] : null];
      return [t('年度复核：', 'Annual re-check: '), change, t(`，下次复核 ${m[6]}`, `, next re-check ${m[6]}`), tail(m[7])];
    }
    m = /^(\d{4}) 年医疗兜底(申请)? ([\d,.]+) 元(?:：(批准|不予兜底)|(已支付))?$/.exec(text);
    if (m) {
      return t(text, `Safety net ${m[1]}${m[2] ? ' proposed' : ''}: ${m[3]} CNY${m[4] === '批准' ? ', approved' : m[4] ? ', refused' : ''}`
        + `${m[5] ? ', paid' : ''}`);
    }
    m = /^出档（([^）]+)）：([\s\S]*)$/.exec(text);
    if (m) return [t(`出档（${m[1]}）：`, `Left the register (${m[1]}): `), base.verbatim(m[2])];
    return base.verbatim(text);
  };

  return {
    ...base,
    rememberPeople, person, who, historyNote,
    fail, yesNo, problemLabels, periodText, documents,
    roles,
    isOperator: roles.includes('UNION_OPERATOR'),
    isDistrict: roles.includes('DISTRICT_ADMIN'),
    isPlatform: roles.includes('PLATFORM_ADMIN'),
    isAdmin: roles.includes('DISTRICT_ADMIN') || roles.includes('PLATFORM_ADMIN'),
    badge: badgeOf(HOUSEHOLD_STATUSES),
    levelBadge: badgeOf(LEVELS),
    batchBadge: badgeOf(BATCH_STATUSES),
    lineBadge: badgeOf(LINE_STATUSES),
    awardBadge: badgeOf(AWARD_STATUSES),
    standardBadge: badgeOf(STANDARD_STATUSES),
    statusLabel: labelOf(HOUSEHOLD_STATUSES),
    levelLabel: labelOf(LEVELS),
    fileLevelLabel: labelOf(FILE_LEVELS),
    causeLabel: labelOf(CAUSES),
    relationLabel: labelOf(RELATIONS),
    stageLabel: labelOf(STAGES),
    channelLabel: labelOf(CHANNELS),
    itemLabel: labelOf(ITEMS),
    kindLabel: labelOf(BATCH_KINDS),
    batchStatusLabel: labelOf(BATCH_STATUSES),
    lineStatusLabel: labelOf(LINE_STATUSES),
    awardStatusLabel: labelOf(AWARD_STATUSES),
    standardStatusLabel: labelOf(STANDARD_STATUSES),
    actionLabel: labelOf(HISTORY_ACTIONS),
    date: fmtDate,
    when: fmtWhen,
  };
}
