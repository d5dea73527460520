// The portal's page kit: helpers every module page may import from `/js/page-kit.js` (served by the
// web shell): DOM building, money in integer fen, dates in Asia/Shanghai, problems (4xx answers with
// field errors), tables, facts, form fields, raw uploads, downloads with the bearer token, and CSV /
// XLSX files made in the browser. Styles are the shell's (portal.css, classes `ui-*`).
// Text is always inserted as text; nothing here parses HTML.

import { lang } from './i18n.js';

const TOKEN_KEY = 'unionPortal.token';
const ZONE = 'Asia/Shanghai';

// ------------------------------------------------------------------ DOM

/** Creates an element: `class`, `dataset`, `on<event>`, boolean `true`, null/false to leave out. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return add(node, children);
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in node) node.value = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

/** Appends nodes or text (arrays are flattened, null/false skipped). */
export function add(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * What people wrote or named (a person's or an organisation's name, an address, a note, a bank's reason, a file's name)
 * inside the page's sentences: shown as written, in its writer's language, and marked `ui-verbatim` so that the
 * one-language check of the browser tests leaves it out. Empty values stay empty (null).
 */
export function verbatim(text) {
  return text == null || text === '' ? null : el('span', { class: 'ui-verbatim' }, String(text));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Replaces a node's children. Unlike the DOM's replaceChildren, null and false are skipped
 * (replaceChildren would show them as the text "null"), and arrays are flattened.
 */
export function fill(node, ...children) {
  node.replaceChildren();
  return add(node, children);
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value != null) node.setAttribute(key, String(value));
  }
  return add(node, children);
}

// ------------------------------------------------------------------ money (integer fen)

function groupDigits(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 → "1,234.56"; `short` drops ".00". */
export function fenDigits(fen, { short = false } = {}) {
  const n = Number(fen);
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(Math.trunc(n));
  const yuan = groupDigits(String(Math.trunc(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  return `${n < 0 ? '-' : ''}${yuan}${short && cents === '00' ? '' : `.${cents}`}`;
}

/** 123456 → "1234.56", for inputs and files (no grouping). */
export function fenToYuanText(fen) {
  if (fen == null || fen === '') return '';
  const n = Math.trunc(Number(fen));
  const abs = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Exact yuan text → fen, no floating point: "1,234.5" → 123450. Full-width digits are accepted.
 * Returns `{ fen }`, `{ empty: true }` or `{ error }` ("more than two decimals", "not a number").
 */
export function parseYuan(text) {
  const s = String(text ?? '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (s === '') return { empty: true, fen: null };
  const m = /^(\d{0,13})(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { error: 'format' };
  if (m[2] && m[2].length > 2) return { error: 'decimals' };
  return { fen: Number(m[1] || '0') * 100 + Number((m[2] || '').padEnd(2, '0')) };
}

// ------------------------------------------------------------------ dates

function zoneParts(date) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date)) parts[p.type] = p.value;
  return parts;
}

/** Today in Shanghai as yyyy-MM-dd (the server's day). */
export function today() {
  const p = zoneParts(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

/** A LocalDate from the API ("2026-06-01", or [2026, 6, 1]) as yyyy-MM-dd; "–" when missing. */
export function fmtDate(value) {
  if (value == null || value === '') return '–';
  if (Array.isArray(value)) return value.slice(0, 3).map((v, i) => String(v).padStart(i ? 2 : 4, '0')).join('-');
  return String(value).slice(0, 10);
}

/** An Instant as "yyyy-MM-dd HH:mm" in Shanghai time. */
export function fmtDateTime(value) {
  if (!value) return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = zoneParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}


// ------------------------------------------------------------------ token, errors, raw requests

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** An Error shaped like the shell's: `.status` and `.problem` (title, detail, errors). */
export function problemError(status, data, fallbackTitle) {
  const problem = data && typeof data === 'object'
    ? { status, ...data }
    : { status, title: fallbackTitle || `HTTP ${status}`, detail: typeof data === 'string' ? data.slice(0, 300) : '' };
  const error = new Error(problem.detail || problem.title || `HTTP ${status}`);
  error.status = status;
  error.problem = problem;
  return error;
}

function parseBody(text, type) {
  if (!text) return null;
  if (/json/i.test(type || '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * POSTs `file` as the raw body (application/octet-stream) with the bearer token, reporting
 * progress 0..1. Returns `{ promise, abort }`; the promise gives the parsed JSON answer.
 */
export function uploadRaw(path, file, onProgress) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open('POST', path);
    const bearer = token();
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', lang());   // problems in the page's one language, not the browser's
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const data = parseBody(xhr.responseText, xhr.getResponseHeader('Content-Type'));
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(problemError(xhr.status, data, xhr.statusText));
    };
    xhr.onerror = () => reject(problemError(0, null, 'Network error'));
    xhr.onabort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

/**
 * GETs a file with the bearer token and hands it to the browser as a download, named as the
 * server's Content-Disposition says (else `fileName`). `accept` is sent as the Accept header.
 */
export async function downloadWithToken(path, fileName, { accept = 'text/csv, application/octet-stream, application/problem+json' } = {}) {
  const bearer = token();
  const response = await fetch(path, {
    headers: { Accept: accept, 'Accept-Language': lang(), ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) {
    const text = await response.text();
    throw problemError(response.status, parseBody(text, response.headers.get('Content-Type')), response.statusText);
  }
  downloadBlob(await response.blob(), dispositionName(response.headers.get('Content-Disposition')) || fileName);
}

/** The file name of a Content-Disposition: `filename*=UTF-8''…` (RFC 6266/5987) first, then `filename="…"`. */
export function dispositionName(disposition) {
  const text = String(disposition || '');
  let name = '';
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(text);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = '';   // a malformed escape: fall back to the plain name
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(text);
    name = plain ? (plain[1] ?? plain[2] ?? '').trim() : '';
  }
  return name.replace(/[\\/]/g, '_') || null;
}

/** 1536 → "1.5 KB". */
export function fmtBytes(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '–';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function downloadBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

// ------------------------------------------------------------------ CSV and XLSX made in the browser

function csvCell(value) {
  let s = value == null ? '' : String(value);
  // A cell starting like a formula is shown as text by spreadsheets, never run.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a UTF-8 BOM (so that Excel reads the Chinese right), CRLF line ends. */
export function csvBlob(headers, rows) {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return new Blob(['\uFEFF', `${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xFFFFFFFF;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}

/** A ZIP archive without compression: `files` is [[name, text]]. */
function zipStored(files) {
  const enc = new TextEncoder();
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const nameBytes = enc.encode(name);
    const data = enc.encode(text);
    const crc = crc32(data);
    const head = new DataView(new ArrayBuffer(30));
    [[0, 0x04034b50, 4], [4, 20, 2], [6, 0x0800, 2], [8, 0, 2], [10, 0, 2], [12, 0x21, 2], [14, crc, 4],
      [18, data.length, 4], [22, data.length, 4], [26, nameBytes.length, 2], [28, 0, 2]]
      .forEach(([at, v, size]) => (size === 4 ? head.setUint32(at, v, true) : head.setUint16(at, v, true)));
    const dir = new DataView(new ArrayBuffer(46));
    [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [8, 0x0800, 2], [10, 0, 2], [12, 0, 2], [14, 0x21, 2], [16, crc, 4],
      [20, data.length, 4], [24, data.length, 4], [28, nameBytes.length, 2], [42, offset, 4]]
      .forEach(([at, v, size]) => (size === 4 ? dir.setUint32(at, v, true) : dir.setUint16(at, v, true)));
    chunks.push(head, nameBytes, data);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, part) => n + part.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...chunks, ...central, end], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

function xmlText(value) {
  return String(value ?? '')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnName(i) {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A one-sheet XLSX workbook. Every column is formatted as text unless `numberColumns` lists it,
 * so that Excel keeps 18-digit ID numbers and phone numbers as they are typed.
 */
export function xlsxBlob(headers, rows, { numberColumns = [], widths = [] } = {}) {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const cell = (value, r, c, header) => {
    const ref = `${columnName(c)}${r}`;
    if (!header && numberColumns.includes(c) && value !== '' && value != null && Number.isFinite(Number(value))) {
      return `<c r="${ref}"><v>${Number(value)}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr" s="${header ? 2 : 1}"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  };
  const sheetRows = [headers, ...rows].map((row, r) =>
    `<row r="${r + 1}">${row.map((v, c) => cell(v, r + 1, c, r === 0)).join('')}</row>`).join('');
  const cols = headers.map((h, c) =>
    `<col min="${c + 1}" max="${c + 1}" width="${widths[c] || 16}" customWidth="1"${numberColumns.includes(c) ? '' : ' style="1"'}/>`).join('');
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zipStored([
    ['[Content_Types].xml', `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`
      + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>`
      + `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`],
    ['_rels/.rels', `${decl}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${decl}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${decl}<Relationships xmlns="${pkg}">`
      + `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `${decl}<styleSheet xmlns="${ns}">`
      + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
      + '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
      + '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>'
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'],
    ['xl/worksheets/sheet1.xml', `${decl}<worksheet xmlns="${ns}"><cols>${cols}</cols><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

// ------------------------------------------------------------------ supporting documents

/** What the server takes as a supporting document (it checks the bytes themselves). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'];
const DOCUMENT_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

// ------------------------------------------------------------------ helpers bound to the page's language

/**
 * Helpers that know the page's language: `const k = baseKit(context, { statuses })`. `statuses` maps a
 * status code to [中文, English, tone] where tone is ok, warn, info, bad or muted (the badge colour).
 */
export function baseKit(context, { statuses = {} } = {}) {
  const t = context.t;
  const pick = (pair, fallback) => (pair ? t(pair[0], pair[1]) : String(fallback ?? ''));
  const en = context.lang === 'en';

  /** 123456 → "1,234.56 元" (English: "1,234.56 CNY"). */
  const money = (fen, opts) => (fen == null ? '–' : `${fenDigits(fen, opts)}${en ? ' CNY' : ' 元'}`);

  const statusLabel = (status) => pick(statuses[status], status);

  const badge = (status, extra = {}) => el('span', {
    class: `badge ui-badge ui-${(statuses[status] || [])[2] || 'muted'}`, dataset: { status: status || '' }, ...extra,
  }, statusLabel(status));

  const yuanError = (result) => (result.error === 'decimals'
    ? t('金额最多两位小数', 'at most two decimals')
    : t('请输入金额，例如 120 或 120.50', 'enter an amount such as 120 or 120.50'));

  const problemTitle = (error) => {
    const status = error && error.status;
    const titles = {
      0: ['无法连接服务器', 'Cannot reach the server'], 400: ['请求有误', 'Bad request'],
      403: ['无权进行此操作', 'Not allowed'], 404: ['未找到', 'Not found'], 409: ['操作冲突', 'Conflict'],
      413: ['内容过大', 'Too large'], 415: ['文件类型不支持', 'Unsupported file type'], 422: ['输入有误', 'Invalid input'],
    };
    return pick(titles[status], (error && error.problem && error.problem.title) || t('出错了', 'Something went wrong'));
  };

  /**
   * A problem panel (`.notice.error`) for an error of the API. With `form`, field errors are written
   * next to the fields (elements with `data-error-for="<field>"`); the rest are listed in the panel.
   * `labels` maps field names to readable labels.
   */
  const problem = (error, { form = null, labels = {}, id = null } = {}) => {
    const p = (error && error.problem) || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const listed = [];
    let placed = 0;
    for (const fe of errors) {
      const slot = form && fe.field ? form.querySelector(`[data-error-for="${CSS.escape(fe.field)}"]`) : null;
      if (slot) {
        slot.textContent = fe.message;
        const input = form.querySelector(`[name="${CSS.escape(fe.field)}"]`);
        if (input) input.setAttribute('aria-invalid', 'true');
        placed++;
      } else {
        listed.push(fe);
      }
    }
    // One message in the page's language: the server's own (it answers in the Accept-Language the shell sends);
    // the kit's title only when the server said nothing, so no text of the other language is ever put next to it.
    const detail = p.status === 422 && errors.length ? '' : (p.detail || (error && error.message) || '');
    return el('div', { class: 'notice error ui-problem', role: 'alert', id, dataset: { status: String(p.status ?? error?.status ?? '') } },
      el('div', {},
        detail ? el('span', { class: 'ui-problem-detail' }, detail) : el('strong', {}, problemTitle(error)),
        placed ? el('div', {}, t(`有 ${placed} 处输入有误，已在对应栏目下标出。`, `${placed} field(s) need attention; see the notes below them.`)) : null,
        listed.length ? el('ul', { class: 'ui-problem-errors' }, listed.map((fe) => el('li', { dataset: { field: fe.field || '' } },
          fe.field ? `${labels[fe.field] || fe.field}：` : '', fe.message))) : null));
  };

  /** Removes the field errors `problem()` wrote into `form`. */
  const clearErrors = (form) => {
    form.querySelectorAll('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  };

  /** Writes one client-side error next to a field; returns false so checks can `ok = fieldError(...) && ok`. */
  const fieldError = (form, field, message) => {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (slot) slot.textContent = message;
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
    return false;
  };

  /**
   * A `table.data` (in a scrolling wrapper). `columns`: [{ label, value(row) → node|text, className }];
   * `rowAttrs(row)` gives attributes of each `tr`.
   */
  const table = (columns, rows, { id = null, empty = t('暂无数据', 'Nothing here yet'), rowAttrs = null, caption = null } = {}) => {
    if (!rows || rows.length === 0) return el('p', { class: 'empty card', id, dataset: { empty: 'true' } }, empty);
    return el('div', { class: 'ui-table-wrap' },
      el('table', { class: 'data', id },
        caption ? el('caption', { class: 'ui-caption' }, caption) : null,
        el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.className }, c.label)))),
        el('tbody', {}, rows.map((row) => el('tr', rowAttrs ? rowAttrs(row) : {},
          columns.map((c) => el('td', {
            class: c.className, dataset: c.key ? { col: c.key } : null,
            // the column's name, shown before the value when rows become stacked cards on a phone
            'data-label': typeof c.label === 'string' ? c.label : null,
          }, c.value(row))))))));
  };

  /** A dl of facts: [[label, value], ...] (null values are left out). */
  const facts = (pairs, attrs = {}) => el('dl', { class: 'facts ui-facts', ...attrs },
    pairs.filter((p) => p && p[1] != null && p[1] !== '').map(([label, value, key]) => [
      el('dt', {}, label), el('dd', { dataset: key ? { fact: key } : null }, value)]));

  /** A button that builds a CSV (UTF-8 with BOM) when clicked. `make()` → { headers, rows }. */
  const csvButton = (label, fileName, make, attrs = {}) => el('button', {
    type: 'button', class: 'button', ...attrs,
    onclick: () => {
      const { headers, rows } = make();
      downloadBlob(csvBlob(headers, rows), fileName);
    },
  }, label);

  /** CSV and XLSX downloads of one table: ids `<idPrefix>-csv` and `<idPrefix>-xlsx`. */
  const exportButtons = (baseName, make, idPrefix, disabled = false) => [
    csvButton(t('下载 CSV', 'Download CSV'), `${baseName}.csv`, make, { id: `${idPrefix}-csv`, disabled }),
    el('button', {
      type: 'button', class: 'button', id: `${idPrefix}-xlsx`, disabled,
      onclick: () => {
        const { headers, rows } = make();
        downloadBlob(xlsxBlob(headers, rows), `${baseName}.xlsx`);
      },
    }, t('下载 Excel', 'Download XLSX')),
  ];


  /**
   * Client-side checks before a request, in the page's language: `checks` is [[field, ok, message]] (message is
   * one text, e.g. `t('请填写姓名', 'Enter the name')`). Clears the old notes, writes each failed one under its
   * field (`field()`'s error slot), focuses the first wrong field and returns whether all passed.
   */
  const checkForm = (form, checks) => {
    clearErrors(form);
    let first = null;
    for (const [name, ok, message] of checks) {
      if (ok) continue;
      fieldError(form, name, message);
      if (!first) first = form.querySelector(`[name="${CSS.escape(name)}"]`);
    }
    if (first) first.focus();
    return !first;
  };

  /** A "← 返回列表" button for a detail view (class `ui-back`); `onBack` closes the detail. */
  const backToList = (onBack, attrs = {}) => el('button', { type: 'button', class: 'button ui-back', onclick: onBack, ...attrs },
    t('← 返回列表', '← Back to the list'));

  /**
   * A period chooser as 年度 + 季度 (year + quarter): two selects in a `.ui-period` group. `years` (default: this
   * year and the four before), `value` { year, quarter } (quarter 0 = the whole year when `allYear`), `onChange({ year,
   * quarter })`. The node's `value` getter gives the current choice.
   */
  const periodChooser = ({ id = 'period', years = null, value = null, allYear = false, onChange = null } = {}) => {
    const thisYear = Number(today().slice(0, 4));
    const yearList = years || [0, 1, 2, 3, 4].map((n) => thisYear - n);
    const current = value || { year: thisYear, quarter: allYear ? 0 : Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1 };
    const year = el('select', { id: `${id}-year`, name: 'year', 'aria-label': t('年度', 'Year') },
      yearList.map((y) => el('option', { value: y, selected: y === current.year }, t(`${y} 年`, String(y)))));
    const quarters = [allYear ? [0, t('全年', 'Whole year')] : null,
      ...[1, 2, 3, 4].map((q) => [q, t(`第${'一二三四'[q - 1]}季度`, `Q${q}`)])].filter(Boolean);
    const quarter = el('select', { id: `${id}-quarter`, name: 'quarter', 'aria-label': t('季度', 'Quarter') },
      quarters.map(([q, label]) => el('option', { value: q, selected: q === current.quarter }, label)));
    const group = el('span', { class: 'ui-period', id, role: 'group', 'aria-label': t('期间', 'Period') },
      el('label', { for: year.id }, t('年度', 'Year')), year, el('label', { for: quarter.id }, t('季度', 'Quarter')), quarter);
    Object.defineProperty(group, 'value', { get: () => ({ year: Number(year.value), quarter: Number(quarter.value) }) });
    const changed = () => { if (onChange) onChange(group.value); };
    year.addEventListener('change', changed);
    quarter.addEventListener('change', changed);
    return group;
  };

  /**
   * A chart drawn by Apache ECharts (served by the portal at /vendor/echarts/, loaded once on first use): `kind` is
   * 'bar', 'line' or 'pie'; `categories` the x labels (bar/line) or slice names (pie); `series` [{ name, values,
   * money }] (money: values in fen, shown in 元); `stack` stacks the series (parts of one whole). Legends, tooltips and labels in the page's language, long labels
   * wrapped. Returns a `figure.ui-echart` at once; the chart appears when the library is loaded (`data-ready`).
   * `fallback` (a node, e.g. a table) is shown instead when the library cannot load.
   */
  // `verbatim`: the categories are names as written (organisations): their drawn labels are marked `ui-verbatim`, as in the tables.
  const chart = ({ id = null, title = '', kind = 'bar', categories = [], series = [], height = 320, fallback = null, stack = false,
    verbatim: namesAsWritten = false } = {}) => {
    const box = el('div', { class: 'ui-echart-canvas' });
    box.style.height = `${Number(height) || 320}px`;   // through CSSOM: the strict CSP refuses style attributes
    const figure = el('figure', { class: 'ui-echart', id, dataset: { kind } },
      title ? el('figcaption', {}, title) : null, box);
    const unitOf = (s) => (s.money ? (en ? ' CNY' : ' 元') : '');
    const show = (s, v) => (s.money ? fenDigits(v) : String(v));
    loadECharts().then((echarts) => {
      const instance = echarts.init(box, null, { renderer: 'svg', locale: en ? 'EN' : 'ZH' });
      const tooltip = {
        trigger: kind === 'pie' ? 'item' : 'axis', confine: true,
        formatter: kind === 'pie'
          ? (p) => `${p.name}<br>${show(series[0] || {}, p.value)}${unitOf(series[0] || {})} (${p.percent}%)`
          : (ps) => [ps[0] ? ps[0].axisValueLabel : '', ...ps.map((p) => `${p.marker}${p.seriesName}：${show(series[p.seriesIndex], p.value)}${unitOf(series[p.seriesIndex])}`)].join('<br>'),
      };
      const option = kind === 'pie' ? {
        tooltip, legend: { type: 'scroll', bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], name: (series[0] || {}).name,
          label: { formatter: '{b}\n{d}%', overflow: 'break' },
          data: categories.map((name, i) => ({ name, value: ((series[0] || {}).values || [])[i] || 0 })) }],
      } : {
        tooltip, legend: { type: 'scroll', top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: 90, overflow: 'break', hideOverlap: true } },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => (series.some((s) => s.money) ? fenDigits(v, { short: true }) : v) } },
        series: series.map((s) => ({ type: kind, name: s.name, data: s.values, barMaxWidth: 40, stack: stack ? 'all' : undefined,
          label: { show: categories.length <= 8 && (series.length === 1 || stack), position: stack ? 'inside' : 'top',
            formatter: (p) => (p.value ? show(s, p.value) : '') } })),
      };
      // the portal's red first, then colours that stay apart from it and from each other
      instance.setOption({ color: ['#c8102e', '#e5a100', '#0969da', '#1a7f37', '#8250df', '#6e7781'], ...option });
      figure.dataset.ready = 'true';
      // ECharts draws (and breaks) the category labels as SVG text: each piece of a name as written is marked again after every drawing
      const markNames = () => {
        if (!namesAsWritten) return;
        for (const text of box.querySelectorAll('svg text')) {
          const piece = (text.textContent || '').trim();
          if (piece && categories.some((name) => String(name).includes(piece))) text.classList.add('ui-verbatim');
        }
      };
      instance.on('finished', markNames);
      markNames();
      const resize = () => instance.resize();
      const watcher = new ResizeObserver(resize);
      watcher.observe(box);
    }).catch(() => {
      figure.dataset.ready = 'failed';
      fill(box, fallback || el('p', { class: 'muted' }, t('图表无法加载。', 'The chart could not be loaded.')));
      box.style.height = 'auto';
    });
    return figure;
  };

  /** Asks the shell to notice an expired session after a call made outside `context.api`. */
  const checkSession = (error) => {
    if (error && error.status === 401) context.api('/api/auth/me').catch(() => {});
  };

  /**
   * Supporting documents at the REST collection `base` (GET lists them, POST `?fileName=` stores one, GET
   * `<base>/<id>` downloads one): a table (`#<id>`, rows `data-doc-id`, links `.doc-download`), loaded from the
   * server unless `docs` is given, and with `canUpload` a file input `#<fileInputId>` (several files go one after
   * another) and a button `#<uploadButtonId>` (class `.doc-upload`). `onUploaded(doc)` runs after each stored
   * document; `actorLabel(name)` shows who uploaded. The box is `#<id>-box`.
   */
  const documentsBox = (base, {
    id, fileInputId = `${id}-file`, uploadButtonId = `${id}-upload`, docs: initial = null, canUpload = false, onUploaded = null,
    hint = null, actorLabel = (name) => name ?? '', dataset = {},
  }) => {
    let docs = Array.isArray(initial) ? [...initial] : null;
    let upload = null;
    const listSlot = el('div', { class: 'ui-doc-list' }, el('p', { class: 'loading muted' }, t('正在加载材料…', 'Loading documents…')));
    const problemSlot = el('div', { id: `${id}-problem` });
    const statusLine = el('p', { class: 'muted ui-doc-status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
    const box = el('div', { class: 'ui-documents', id: `${id}-box`, dataset });

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
      }, verbatim(d.fileName) || t(`材料 #${d.id}`, `Document #${d.id}`));
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
        type: 'file', id: fileInputId, name: 'document', multiple: true,
        accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', 'aria-describedby': `${id}-hint`,
      });
      const button = el('button', { type: 'button', class: 'button doc-upload', id: uploadButtonId, dataset, disabled: true },
        t('上传材料', 'Upload'));
      const progress = el('progress', { max: 100, value: 0, id: `${id}-progress` });
      const progressText = el('span', { class: 'muted', 'aria-live': 'polite' });
      const cancel = el('button', { type: 'button', class: 'button', onclick: () => upload && upload.abort() }, t('取消', 'Cancel'));
      const progressRow = el('div', { class: 'ui-progress', hidden: true }, progress, progressText, cancel);
      // the file's name is shown as its owner named it (ui-verbatim), inside a sentence of the page's language
      const named = (file, zh, en) => ['“', verbatim(file.name), t(`”${zh}`, `” ${en}`)];
      const fileProblem = (file) => {
        const ext = ((/\.([^.]+)$/.exec(file.name) || [])[1] || '').toLowerCase();
        if (!DOCUMENT_EXTENSIONS.includes(ext)) return named(file, '不是 PDF、JPG 或 PNG 文件。', 'is not a PDF, JPG or PNG file.');
        if (file.size === 0) return named(file, '是空文件。', 'is empty.');
        if (file.size > DOCUMENT_MAX_BYTES) {
          return named(file, '超过 10 MB，请降低扫描分辨率或分页拍照后上传。', 'is larger than 10 MB; scan it at a lower resolution.');
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
          fill(statusLine, t('已上传：', 'Uploaded: '), stored.map((d, i) => [i ? t('、', ', ') : null, verbatim(d.fileName)]));
        }
        if (!docs) load();
      });
      controls = el('div', { class: 'ui-doc-upload' },
        el('div', { class: 'ui-toolbar' },
          el('label', { for: input.id }, t('选择文件', 'Choose files')), input, button),
        el('small', { class: 'muted', id: `${id}-hint` }, hint || t('PDF、JPG 或 PNG 格式，每个文件不超过 10 MB。',
          'PDF, JPG or PNG, at most 10 MB each.')),
        progressRow);
    }

    add(box, [listSlot, controls, statusLine, problemSlot]);
    if (docs) renderList();
    else load();
    return box;
  };

  /**
   * 上传银行回盘文件 of a payout batch, the same in every module: the bank's return file (the downloaded bank file with
   * 结果 and 失败原因 added) is sent to `url({ fileName, confirm })` (the server's BankReturnFile preview), shown (paid and
   * returned lines, reasons, totals, or the file's problems), and recorded only after `question(answer)` (a confirmDialog's
   * { title, message, confirmLabel }) is confirmed; then `onRecorded(answer)`. `check()` may refuse before sending
   * ({ message, focus }); `fields` are more inputs shown before the file (e.g. the day the bank paid). `line` names the
   * lines' key: { key: 'claimId', label, text(line) }. Element ids start with `idPrefix` (`<idPrefix>-return-file`, …).
   */
  const bankReturnFile = ({ idPrefix, url, line, question, onRecorded, check = () => null, fields = [], intro = null, heading = null,
    unit = t(' 笔', ''), alive = () => true }) => {
    const id = (name) => `${idPrefix}-return-${name}`;
    const fileInput = el('input', { type: 'file', id: id('file'), name: 'returnFile', accept: '.csv,.txt,.xlsx' });
    const preview = el('button', { type: 'button', class: 'button', id: id('preview'), disabled: true }, t('预览回盘文件', 'Preview the file'));
    const out = el('div', { id: id('result'), 'aria-live': 'polite' });
    const fileProblem = (file) => {
      const ext = ((/\.([^.]+)$/.exec(file.name) || [])[1] || '').toLowerCase();
      if (!['csv', 'txt', 'xlsx'].includes(ext)) return t('回盘文件应为 .csv 或 .xlsx 文件。', 'The return file must be a .csv or .xlsx file.');
      if (file.size === 0) return t('文件是空的。', 'The file is empty.');
      return null;
    };
    fileInput.addEventListener('change', () => {
      fill(out);
      const file = fileInput.files[0];
      const wrong = file && fileProblem(file);
      if (wrong) {
        fill(out, el('p', { class: 'notice error', role: 'alert', id: id('check') }, wrong));
        fileInput.value = '';
      }
      preview.disabled = fileInput.files.length === 0;
    });
    const send = (confirm) => uploadRaw(url({ fileName: fileInput.files[0].name, confirm }), fileInput.files[0]).promise;
    const failedTo = (e) => {
      if (!alive()) return;
      checkSession(e);
      fill(out, problem(e, { id: id('error') }));
    };
    preview.addEventListener('click', async () => {
      fill(out);
      const refused = check();
      if (refused) {
        fill(out, el('p', { class: 'notice error', role: 'alert', id: id('check') }, refused.message));
        if (refused.focus) refused.focus.focus();
        return;
      }
      preview.disabled = true;
      try {
        const answer = await send(false);
        if (!alive()) return;
        const problems = Array.isArray(answer.problems) ? answer.problems : [];
        const rows = Array.isArray(answer.lines) ? answer.lines : [];
        const record = el('button', { type: 'button', class: 'button primary', id: id('confirm'), disabled: problems.length > 0 },
          t('确认登记银行结果', 'Record this result'));
        record.addEventListener('click', async () => {
          if (!(await confirmDialog(t, question(answer)))) return;
          record.disabled = true;
          try {
            const recorded = await send(true);
            if (alive()) onRecorded(recorded);
          } catch (e) {
            failedTo(e);
          }
        });
        fill(out, el('div', { class: 'ui-section', id: id('preview-result'), dataset: {
          paid: answer.paidCount, failed: answer.failedCount, problems: problems.length } },
        el('p', { class: `notice ${problems.length ? 'error' : ''}`, role: 'status', id: id('message') }, problems.length
          ? t('回盘文件有问题，未登记任何结果。请核对后重新上传：', 'The file has problems; nothing was recorded. Fix it and upload it again:')
          : t('预览（尚未登记）：请核对后点击“确认登记银行结果”。', 'Preview (nothing recorded yet): check it, then record it.')),
        facts([
          [t('支付成功', 'Paid'), `${answer.paidCount}${unit} · ${money(answer.paidFen)}`, 'paid'],
          [t('转账失败', 'Failed'), `${answer.failedCount}${unit} · ${money(answer.failedFen)}`, 'failed'],
        ], { id: id('totals') }),
        problems.length ? table([
          { label: t('行号', 'Line'), key: 'line', className: 'num', value: (p) => String(p.line ?? '') },
          { label: t('问题', 'Problem'), key: 'message', value: (p) => p.message },
        ], problems, { id: id('problems') }) : table([
          { label: line.label, key: 'key', className: 'num', value: (l) => line.text(l) },
          { label: t('收款人', 'Payee'), key: 'name', value: (l) => verbatim(l.name) || '–' },
          { label: t('金额', 'Amount'), key: 'amount', className: 'num', value: (l) => money(l.amountFen) },
          { label: t('结果', 'Outcome'), key: 'outcome', value: (l) => (l.outcome === 'PAID' ? t('成功', 'paid') : t('失败', 'failed')) },
          { label: t('银行原因', 'Bank’s reason'), key: 'reason', value: (l) => verbatim(l.reason) || '' },
        ], rows, { id: id('lines'), rowAttrs: (l) => ({ dataset: { [line.key]: l[line.key], outcome: l.outcome } }) }),
        el('div', { class: 'ui-form-actions' }, record)));
      } catch (e) {
        failedTo(e);
      } finally {
        preview.disabled = fileInput.files.length === 0;
      }
    });
    return el('section', { class: 'ui-section', id: id('section') },
      el('h4', {}, heading || t('上传银行回盘文件', 'Upload the bank’s return file')),
      el('p', { class: 'muted' }, intro || t('回盘文件即下载的银行文件加“结果”（成功/失败）和“失败原因”两列，按“附言”对应每笔转账；CSV 或 Excel。上传后先预览，确认后才登记。',
        'The return file is the downloaded bank file with a result column (paid or failed) and a reason column added, matched by the reference; CSV or Excel. It is previewed first and recorded only when you confirm.')),
      el('div', { class: 'ui-toolbar ui-return-file' }, fields,
        el('label', { for: id('file') }, t('回盘文件', 'Return file')), fileInput, preview),
      out);
  };

  return {
    t, en, pick, money, badge, statusLabel, yuanError, problem, clearErrors, fieldError, table, facts, csvButton, exportButtons,
    checkSession, documentsBox, checkForm, backToList, periodChooser, chart, bankReturnFile, verbatim,
    /** "名称（编号）" in Chinese, "name (code)" in English; `text` may be a node (e.g. a `verbatim` name). */
    paren: (text, inner) => (text instanceof Node ? [text, t(`（${inner}）`, ` (${inner})`)] : t(`${text}（${inner}）`, `${text} (${inner})`)),
  };
}

// ------------------------------------------------------------------ route query, charts library

/** The query of the page's route (`#/mutual-aid/claims?status=SUBMITTED` → URLSearchParams), e.g. a to-do link's filter. */
export function routeQuery() {
  const hash = location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

let echartsLoading = null;

/** Loads Apache ECharts once (the portal's copy, /vendor/echarts/echarts.common.min.js) and gives its global. */
export function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = el('script', { src: '/vendor/echarts/echarts.common.min.js', async: true });
      script.addEventListener('load', () => (window.echarts ? resolve(window.echarts) : reject(new Error('echarts'))));
      script.addEventListener('error', () => {
        echartsLoading = null;
        script.remove();
        reject(new Error('echarts'));
      });
      document.head.append(script);
    });
  }
  return echartsLoading;
}

/** A labelled form field with an error slot: `name` is the API's field name (used for 422 errors). */
export function field(label, input, { name = input.getAttribute('name'), hint = null, wide = false } = {}) {
  if (!input.id) input.id = `ui-${String(name).replace(/[^A-Za-z0-9]+/g, '-')}`;
  const hintId = hint ? `${input.id}-hint` : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: `ui-field${wide ? ' ui-wide' : ''}`, dataset: { field: name } },
    el('label', { for: input.id }, label),
    input,
    hint ? el('small', { class: 'muted', id: hintId }, hint) : null,
    el('small', { class: 'ui-field-error', 'data-error-for': name, 'aria-live': 'polite' }));
}

/**
 * Asks before an irreversible step, saying what it will do: resolves true when the user confirms. A modal
 * `<dialog id="ui-confirm">` (buttons `#ui-confirm-ok`, `#ui-confirm-cancel`; Esc cancels); `t(zh, en)` gives the
 * page's language. Every module asks the same way.
 */
export function confirmDialog(t, { title, message, confirmLabel, danger = false }) {
  document.getElementById('ui-confirm')?.remove();
  return new Promise((resolve) => {
    const ok = el('button', { type: 'button', class: `button ${danger ? 'danger' : 'primary'}`, id: 'ui-confirm-ok' },
      confirmLabel || t('确定', 'Confirm'));
    const cancel = el('button', { type: 'button', class: 'button', id: 'ui-confirm-cancel' }, t('取消', 'Cancel'));
    const dialog = el('dialog', { id: 'ui-confirm', class: 'ui-confirm card', 'aria-labelledby': 'ui-confirm-title' },
      el('h2', { id: 'ui-confirm-title' }, title || t('请确认', 'Please confirm')),
      el('p', { id: 'ui-confirm-message' }, message),
      el('div', { class: 'ui-form-actions' }, ok, cancel));
    let answered = false;
    const answer = (value) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    ok.addEventListener('click', () => answer(true));
    cancel.addEventListener('click', () => answer(false));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); answer(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
