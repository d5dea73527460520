// Helpers of the mutual-aid pages: the portal's page kit (`/js/page-kit.js`, re-exported here) plus
// this module's labels, the stylesheet, plan texts, the assessment of a claim and the documents box.

import {
  el, add, fill, baseKit, fmtBytes, fmtDate, fmtDateTime, downloadWithToken, uploadRaw,
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

export const CLAIM_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED', 'PAID', 'REJECTED'];

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
  PAY: ['支付', 'Paid'],
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

/** Supporting documents of a claim: what the server takes (it checks the bytes themselves). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'];
const DOCUMENT_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

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

// ------------------------------------------------------------------ helpers bound to the page's language

/** Helpers that know the page's language: `const k = kit(context)` (the page kit's plus this module's). */
export function kit(context) {
  const base = baseKit(context, { statuses: STATUS });
  const {
    t, pick, money, problem, table, checkSession,
  } = base;
  /** Readable lines describing a plan's benefit items. */
  const benefitLines = (benefits) => {
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
      const list = ci.diseases && ci.diseases.length ? ci.diseases.join('、') : t('所有确诊的重大疾病', 'any diagnosed critical illness');
      out.push(t(`${ITEMS.CRITICAL_ILLNESS[0]} ${money(ci.amountFen, { short: true })}（每期一次；${list}）`,
        `${ITEMS.CRITICAL_ILLNESS[1]} ${money(ci.amountFen, { short: true })} (once per term; ${list})`));
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

  /**
   * The supporting documents of claim `claimId`: a table (`#<id>`, rows `data-doc-id`, links
   * `.doc-download`) it loads itself, and with `canUpload` a file input `#doc-file-<claimId>`
   * (several files may be chosen; they go one after another) and a button `.doc-upload`.
   * `onUploaded(doc)` runs after each stored document. The box is `#<id>-box`.
   */
  const documents = (claimId, { id = `claim-documents-${claimId}`, canUpload = false, onUploaded = null, hint = null } = {}) => {
    const base = `/api/mutual-aid/claims/${encodeURIComponent(claimId)}/documents`;
    let docs = null;
    let upload = null;
    const listSlot = el('div', { class: 'ma-doc-list' }, el('p', { class: 'loading muted' }, t('正在加载材料…', 'Loading documents…')));
    const problemSlot = el('div', { id: `${id}-problem` });
    const statusLine = el('p', { class: 'muted ma-doc-status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
    const box = el('div', { class: 'ma-documents', id: `${id}-box`, dataset: { claimId } });

    const typeLabel = (d) => DOCUMENT_TYPES[d.contentType] || d.contentType || '';
    const downloadLink = (d) => {
      const path = `${base}/${encodeURIComponent(d.id)}`;
      return el('a', {
        href: path, class: 'doc-download', dataset: { docId: d.id }, title: d.sha256 ? `SHA-256 ${d.sha256}` : null,
        onclick: async (event) => {
          event.preventDefault();   // the file needs the bearer token: fetch it and hand over a Blob
          fill(problemSlot);
          try {
            await downloadWithToken(path, d.fileName || `document-${d.id}`, { accept: '*/*' });
          } catch (e) {
            checkSession(e);
            fill(problemSlot, problem(e, { id: `${id}-download-error` }));
          }
        },
      }, d.fileName || t(`材料 #${d.id}`, `Document #${d.id}`));
    };
    const renderList = () => {
      fill(listSlot, table([
        { label: t('文件', 'File'), key: 'file', value: downloadLink },
        { label: t('类型', 'Type'), key: 'type', className: 'nowrap', value: typeLabel },
        { label: t('大小', 'Size'), key: 'size', className: 'num', value: (d) => fmtBytes(d.sizeBytes) },
        { label: t('上传人', 'By'), key: 'by', value: (d) => actorLabel(d.uploadedBy) },
        { label: t('上传时间', 'Uploaded'), key: 'at', className: 'nowrap', value: (d) => fmtDateTime(d.uploadedAt) },
      ], docs, {
        id, empty: t('尚未上传证明材料。', 'No supporting documents yet.'),
        rowAttrs: (d) => ({ dataset: { docId: d.id, contentType: d.contentType || '' } }),
      }));
      box.dataset.count = String(docs.length);
    };
    const load = async () => {
      try {
        const answer = await context.api(base);
        docs = Array.isArray(answer) ? answer : [];
        renderList();
      } catch (e) {
        fill(listSlot, problem(e, { id: `${id}-load-error` }));
      }
    };

    let controls = null;
    if (canUpload) {
      const input = el('input', {
        type: 'file', id: `doc-file-${claimId}`, name: 'document', multiple: true,
        accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', 'aria-describedby': `${id}-hint`,
      });
      const button = el('button', { type: 'button', class: 'button doc-upload', id: `doc-upload-${claimId}`, dataset: { claimId }, disabled: true },
        t('上传材料', 'Upload'));
      const progress = el('progress', { max: 100, value: 0, id: `${id}-progress` });
      const progressText = el('span', { class: 'muted', 'aria-live': 'polite' });
      const cancel = el('button', { type: 'button', class: 'button', onclick: () => upload && upload.abort() }, t('取消', 'Cancel'));
      const progressRow = el('div', { class: 'ui-progress', hidden: true }, progress, progressText, cancel);
      const fileProblem = (file) => {
        const ext = ((/\.([^.]+)$/.exec(file.name) || [])[1] || '').toLowerCase();
        if (!DOCUMENT_EXTENSIONS.includes(ext)) {
          return t(`“${file.name}”不是 PDF、JPG 或 PNG 文件。`, `“${file.name}” is not a PDF, JPG or PNG file.`);
        }
        if (file.size === 0) return t(`“${file.name}”是空文件。`, `“${file.name}” is empty.`);
        if (file.size > DOCUMENT_MAX_BYTES) {
          return t(`“${file.name}”超过 10 MB，请降低扫描分辨率或分页拍照后上传。`, `“${file.name}” is larger than 10 MB; scan it at a lower resolution.`);
        }
        return null;
      };
      const sync = () => { button.disabled = Boolean(upload) || input.files.length === 0; };
      input.addEventListener('change', () => {
        fill(problemSlot);
        statusLine.textContent = '';
        const bad = [...input.files].map(fileProblem).filter(Boolean);
        if (bad.length) {
          fill(problemSlot, el('div', { class: 'notice error', role: 'alert', id: `${id}-file-problem` },
            el('ul', { class: 'ui-lines' }, bad.map((m) => el('li', {}, m)))));
          input.value = '';
        }
        sync();
      });
      button.addEventListener('click', async () => {
        const files = [...input.files];
        if (!files.length || upload) return;
        fill(problemSlot);
        statusLine.textContent = '';
        progressRow.hidden = false;
        const stored = [];
        try {
          for (const [i, file] of files.entries()) {
            const counter = files.length > 1 ? `${i + 1}/${files.length} ` : '';
            progress.value = 0;
            progressText.textContent = `${counter}0%`;
            upload = uploadRaw(`${base}?fileName=${encodeURIComponent(file.name)}`, file, (fraction) => {
              progress.value = Math.round(fraction * 100);
              progressText.textContent = `${counter}${Math.round(fraction * 100)}%`;
            });
            sync();
            const doc = await upload.promise;
            stored.push(doc);
            if (docs) {
              docs = [...docs.filter((d) => d.id !== doc.id), doc];
              renderList();
            }
            if (onUploaded) onUploaded(doc);
          }
          input.value = '';
        } catch (e) {
          checkSession(e);
          fill(problemSlot, e.name === 'AbortError'
            ? el('p', { class: 'notice warn', id: `${id}-upload-cancelled` }, t('已取消上传。', 'Upload cancelled.'))
            : problem(e, { id: `${id}-upload-error` }));
        } finally {
          upload = null;
          progressRow.hidden = true;
          sync();
        }
        if (stored.length) {
          statusLine.textContent = t(`已上传：${stored.map((d) => d.fileName).join('、')}`, `Uploaded: ${stored.map((d) => d.fileName).join(', ')}`);
        }
        if (!docs) load();
      });
      controls = el('div', { class: 'ma-doc-upload' },
        el('div', { class: 'ui-toolbar' },
          el('label', { for: input.id }, t('选择文件', 'Choose files')), input, button),
        el('small', { class: 'muted', id: `${id}-hint` }, hint || t('发票、费用清单、出院小结、诊断证明等，PDF、JPG 或 PNG 格式，每个文件不超过 10 MB。',
          'Invoices, cost lists, discharge summaries, diagnoses: PDF, JPG or PNG, at most 10 MB each.')),
        progressRow);
    }

    add(box, [listSlot, controls, statusLine, problemSlot]);
    load();
    return box;
  };

  return {
    ...base, assessment,
    benefitLines, eligibilityLines, feePerPerson, feeText, planName, actorLabel, documents,
    eventLabel: (type) => pick(EVENT_TYPES[type], type),
    itemLabel: (item) => pick(ITEMS[item], item),
    actionLabel: (action) => pick(ACTIONS[action], action),
    reminderKindLabel: (kind) => pick(REMINDER_KINDS[kind], kind),
  };
}
