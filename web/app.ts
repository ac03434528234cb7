// The page: choose, drop or paste a return; a worker parses it; the tables
// are drawn as on paper with every value cell's status, the failing checks
// are listed (choosing one highlights its cells), and the results can be
// downloaded. Nothing leaves the page: no request is ever made.

import { CODES, type Code } from '../src/core/codes.js';
import { formatMessage, type Params } from '../src/core/messages.js';
import type { PaperSheet } from '../src/output/paper-form.js';
import type { ReportResult, TableResult } from '../src/output/schema.js';
import type { Nothing, Request, Response } from './protocol.js';

declare const WORKER_SOURCE: string;

type Lang = 'zh' | 'en';
const TEXT = {
  zh: {
    title: '政府信息公开工作年度报告 · 统计表校验',
    intro: '选择或拖入年报、统计表（文本、网页、Excel、Word、PDF），或粘贴表格。文件只在本机处理，不会上传。',
    choose: '选择文件',
    drop: '把文件拖到这里',
    paste: '或粘贴表格、报告文字：',
    parsePaste: '校验粘贴内容',
    lang: 'English',
    reading: '正在读取…',
    stage: { read: '读取文件', extract: '提取表格', tables: '识别表格', prose: '读取正文', done: '完成' },
    form: '格式',
    agency: '单位',
    year: '年度',
    tables: '张表',
    none: '未找到统计表',
    noNumber: '表中没有数字（空白表，或只有栏目），没有可校验的内容',
    file: '文件',
    checks: '校验未通过',
    allPass: '全部校验通过',
    blankForms: '填写空白表：',
    edit: '修改数值并重新校验',
    fillHint: '在表中填入数字，校验随输入即时更新。',
    checked: '标注后的报表（Excel）',
    filled: '填好的报表（Excel）',
    data: '数据（Excel）',
    print: '打印',
    expected: '应为',
    actual: '实为',
    cells: '单元格',
    prose: '正文中的数字',
    unknown: '未识别的行',
    downloads: '下载',
    status: { ok: '一致', fail: '校验未通过', mismatch: '单位不符', blank: '空白', missing: '原表无此格' },
    error: '无法读取',
    id: '指标',
    check: '校验',
    value: '数值',
    legend: '图例',
  },
  en: {
    title: 'Disclosure report statistics · checker',
    intro: 'Choose or drop a report or return (text, web page, Excel, Word, PDF), or paste a table. Files are processed on this computer and never uploaded.',
    choose: 'Choose a file',
    drop: 'Drop a file here',
    paste: 'Or paste a table or the report text:',
    parsePaste: 'Check the pasted text',
    lang: '中文',
    reading: 'Reading…',
    stage: { read: 'Reading the file', extract: 'Finding tables', tables: 'Recognising tables', prose: 'Reading the text', done: 'Done' },
    form: 'Form',
    agency: 'Agency',
    year: 'Year',
    tables: 'table(s)',
    none: 'No statistics table found',
    noNumber: 'The tables hold no numbers (a blank form, or labels only): nothing was checked',
    file: 'File',
    checks: 'Failing checks',
    allPass: 'Every check passes',
    blankForms: 'Fill in a blank form:',
    edit: 'Edit the numbers and check again',
    fillHint: 'Type the numbers into the table; the checks rerun as you type.',
    checked: 'Marked return (Excel)',
    filled: 'The filled return (Excel)',
    data: 'Data (Excel)',
    print: 'Print',
    expected: 'expected',
    actual: 'actual',
    cells: 'cells',
    prose: 'Figures in the text',
    unknown: 'Rows not recognised',
    downloads: 'Download',
    status: { ok: 'consistent', fail: 'in a failing check', mismatch: 'unit mismatch', blank: 'blank', missing: 'not in the source' },
    error: 'Cannot read',
    id: 'indicator',
    check: 'check',
    value: 'value',
    legend: 'Legend',
  },
} as const;
type Status = keyof (typeof TEXT)['zh']['status'];
const ICON: Record<Status, string> = { ok: '✓', fail: '✗', mismatch: '≠', blank: '○', missing: '—' };

let lang: Lang = 'zh';
interface Shown {
  result: { zh: ReportResult; en: ReportResult };
  layouts: (PaperSheet | null)[];
  nothing: Nothing;
  /** The value cells are inputs: a blank form being filled, or a return being edited. */
  fill: boolean;
}
let current: Shown | null = null;
/** The name of the file shown (downloads are named after it). */
let fileName = '';
/** The form whose inputs are on the page now (typing rechecks it without redrawing the inputs). */
let drawnFill: string | null = null;
let lastError: { code: string; params: Params } | null = null;
let forms: { form: string; name: string }[] = [];
const shown = (): ReportResult | null => current?.result[lang] ?? null;
const t = (): (typeof TEXT)[Lang] => TEXT[lang];
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

// The worker is built into this script: a blob URL works from file:// where a worker file would not.
const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
let worker = startWorker();
/** A file that takes longer than this is given up (the browser's inflater can loop on a damaged workbook). */
const TIME_LIMIT_MS = 60_000;
let timer: ReturnType<typeof setTimeout> | null = null;

function startWorker(): Worker {
  const w = new Worker(workerUrl);
  w.onmessage = onMessage;
  // What the worker could not catch itself (it ran out of memory, a script failed): a fresh worker and a message.
  w.onerror = (e) => {
    e.preventDefault();
    if (timer) clearTimeout(timer);
    timer = null;
    w.terminate();
    worker = startWorker();
    showError('internal-error', { reason: e.message || 'the worker stopped' });
  };
  return w;
}

function onMessage(e: MessageEvent<Response>): void {
  const m = e.data;
  if (m.type === 'result' || m.type === 'error') {
    if (timer) clearTimeout(timer);
    timer = null;
  }
  if (m.type === 'progress') showProgress(m.progress.stage, m.progress.done, m.progress.total);
  else if (m.type === 'error') showError(m.code, m.params);
  else if (m.type === 'forms') {
    forms = m.forms;
    drawForms();
  } else if (m.type === 'result') {
    current = { result: m.result, layouts: m.layouts, nothing: m.nothing, fill: m.fill };
    const form = m.result.en.tables[0]?.form ?? null;
    if (m.fill && drawnFill !== null && drawnFill === form) refresh();
    else render();
  } else {
    const names = { csv: `${base()}.csv`, xlsx: `${base()}.data.xlsx`, checked: `${base()}.checked.xlsx`, return: `${base()}.xlsx` };
    download(m.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', m.bytes, names[m.format]);
  }
}

/** The file's name without its extension: what downloads are named after. */
function base(): string {
  return fileName.replace(/\.[^.]+$/, '') || 'zfxxgk';
}

function send(req: Request, transfer: Transferable[] = []): void {
  if (req.type === 'parse') {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      worker.terminate();
      worker = startWorker();
      showError('limit-time', { ms: TIME_LIMIT_MS });
    }, TIME_LIMIT_MS);
  }
  worker.postMessage(req, transfer);
}

function start(name: string): void {
  fileName = name;
  drawnFill = null;
  lastError = null;
  $('error').hidden = true;
  $('results').replaceChildren();
  $('busy').hidden = false;
  showProgress('read');
  document.title = `${name} · ${t().title}`;
}

async function readFile(file: File): Promise<void> {
  start(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  send({ type: 'parse', name: file.name, bytes }, [bytes.buffer]);
}

function showProgress(stage: keyof (typeof TEXT)['zh']['stage'], done?: number, total?: number): void {
  const bar = $('progress') as HTMLProgressElement;
  if (total) {
    bar.max = total;
    bar.value = done ?? 0;
  } else bar.removeAttribute('value');
  $('stage').textContent = `${t().stage[stage]}${total ? ` ${done ?? 0}/${total}` : ''}`;
  if (stage === 'done') $('busy').hidden = true;
}

/** An unreadable file, in the page's language (the sentence from the message maps, the code beside it). */
function showError(code: string, params: Params): void {
  lastError = { code, params };
  $('busy').hidden = true;
  const box = $('error');
  box.hidden = false;
  const message = code in CODES ? formatMessage(code as Code, params, lang) : code;
  box.replaceChildren(el('strong', {}, `${t().error}${fileName ? ` ${fileName}` : ''}: `), message, ' ', el('code', {}, code));
}

/** The status of one indicator in its table. */
function statusOf(table: TableResult, id: string): Status {
  const ind = table.indicators.find((i) => i.id === id);
  if (!ind) return 'missing';
  if (table.diagnostics.some((d) => d.code === 'unit-mismatch' && d.id === id)) return 'mismatch';
  if (table.checks.some((c) => c.status === 'fail' && c.ids.includes(id))) return 'fail';
  return ind.value === null ? 'blank' : 'ok';
}

function describe(table: TableResult, id: string): string {
  const ind = table.indicators.find((i) => i.id === id);
  const checks = table.checks.filter((c) => c.ids.includes(id) && c.status !== 'skipped').map((c) => (c.status === 'fail' ? (c.message ?? c.rule) : `${c.rule}: ✓`));
  const raw = ind ? `"${ind.raw}"` : '';
  return [`${t().id}: ${id}`, ind ? `${t().value}: ${ind.value ?? '—'} ${ind.unit ?? ''} ${raw}` : t().status.missing, `${t().status[statusOf(table, id)]}`, ...checks].join('\n');
}

function valueCell(table: TableResult, id: string, attrs: Record<string, string>, fill: boolean): HTMLTableCellElement {
  const ind = table.indicators.find((i) => i.id === id);
  const text = ind?.value === null || !ind ? '' : String(ind.value);
  const cell = el('td', { ...attrs, tabindex: fill ? '-1' : '0', 'data-id': id });
  if (fill) {
    const input = el('input', { type: 'text', inputmode: 'decimal', class: 'cell-input', 'data-id': id, 'aria-label': id, value: text });
    input.addEventListener('input', recheckSoon);
    cell.append(input);
  } else cell.append(el('span', { class: 'v' }, text));
  cell.append(el('span', { class: 'icon', 'aria-hidden': 'true' }), el('span', { class: 'sr' }));
  paint(cell, table, id);
  cell.addEventListener('focusin', () => ($('detail').textContent = describe(tableOf(id) ?? table, id)));
  return cell;
}

/** A value cell's status as its class, data, title, icon and screen-reader word: when drawn, and after each recheck. */
function paint(cell: HTMLElement, table: TableResult, id: string): void {
  const status = statusOf(table, id);
  cell.className = `value ${status}`;
  cell.dataset.status = status;
  cell.title = describe(table, id);
  const icon = cell.querySelector('.icon');
  if (icon) icon.textContent = ICON[status];
  const sr = cell.querySelector('.sr');
  if (sr) sr.textContent = ` ${t().status[status]}`;
}

function paperTable(table: TableResult, layout: PaperSheet, fill: boolean): HTMLTableElement {
  const covered = new Set<string>();
  for (const m of layout.merges) for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  const slots = new Map(layout.slots.map((s) => [`${s.r},${s.c}`, s.id]));
  const body = el('tbody');
  layout.rows.forEach((row, r) => {
    const tr = el('tr');
    row.forEach((text, c) => {
      if (covered.has(`${r},${c}`)) return;
      const m = layout.merges.find((x) => x.r0 === r && x.c0 === c);
      const attrs: Record<string, string> = {};
      if (m && m.r1 > m.r0) attrs.rowspan = String(m.r1 - m.r0 + 1);
      if (m && m.c1 > m.c0) attrs.colspan = String(m.c1 - m.c0 + 1);
      const id = slots.get(`${r},${c}`);
      tr.append(id ? valueCell(table, id, attrs, fill) : el(r === 0 ? 'th' : 'td', attrs, text ?? ''));
    });
    body.append(tr);
  });
  return el('table', { class: 'paper' }, body);
}

/** The table of the shown report that holds an indicator. */
function tableOf(id: string): TableResult | undefined {
  return shown()?.tables.find((tb) => tb.indicators.some((i) => i.id === id));
}

// Typing reruns the checks a moment after the last key, on every cell of the form.
let recheckTimer: ReturnType<typeof setTimeout> | null = null;
function recheckSoon(): void {
  if (recheckTimer) clearTimeout(recheckTimer);
  recheckTimer = setTimeout(() => {
    const form = shown()?.tables[0]?.form;
    if (!form) return;
    const values: Record<string, string> = {};
    document.querySelectorAll<HTMLInputElement>('input.cell-input').forEach((i) => {
      values[i.dataset.id as string] = i.value;
    });
    send({ type: 'fill', form, name: fileName, values });
  }, 150);
}

function highlight(ids: string[]): void {
  document.querySelectorAll('td.hl').forEach((x) => x.classList.remove('hl'));
  let first: HTMLElement | null = null;
  for (const id of ids) {
    document.querySelectorAll<HTMLElement>(`td[data-id="${CSS.escape(id)}"]`).forEach((x) => {
      x.classList.add('hl');
      first ??= x;
    });
  }
  (first as HTMLElement | null)?.focus();
}

/** What was found, and what the checks say: never "all passed" when nothing was checked. */
function summary(result: ReportResult): HTMLElement {
  const meta = result.meta;
  const formsOf = [...new Set(result.tables.map((x) => x.form))].join(', ') || '—';
  return el(
    'section',
    { class: 'summary', id: 'summary', 'aria-live': 'polite' },
    el('p', {}, `${t().file}: `, el('strong', { id: 'file-name' }, fileName || '—')),
    el('p', {}, `${t().form}: `, el('strong', { id: 'form' }, formsOf), ` · ${result.tables.length} ${t().tables}`),
    el('p', {}, `${t().agency}: ${meta.agency ?? '—'} · ${t().year}: ${meta.year ?? '—'}`),
  );
}

function checkList(result: ReportResult, nothing: Nothing): HTMLElement {
  const failing = result.tables.flatMap((tb) => tb.checks.filter((c) => c.status === 'fail'));
  const list = el('ul', { id: 'checks' });
  for (const c of failing) {
    const b = el('button', { type: 'button', 'data-rule': c.rule }, c.message ?? `${c.rule} — ${t().expected} ${c.expected}, ${t().actual} ${c.actual}`);
    b.addEventListener('click', () => highlight(c.ids));
    list.append(el('li', {}, b));
  }
  const heading = failing.length > 0 ? `${t().checks} (${failing.length})` : nothing === 'no-table' ? t().none : nothing === 'no-number' ? t().noNumber : t().allPass;
  const section = el('section', { id: 'check-list' }, el('h2', { id: 'verdict', 'data-verdict': failing.length > 0 ? 'fail' : (nothing ?? 'pass') }, heading), list);
  if (nothing === 'no-table') {
    const d = result.diagnostics.find((x) => x.code === 'no-table-found');
    section.append(el('p', { class: 'notice', role: 'status' }, d?.message ?? ''));
  }
  return section;
}

/** After typing: statuses, the summary and the list of checks anew; the inputs (and the caret) stay. */
function refresh(): void {
  const result = shown();
  if (!result || !current) return;
  $('summary').replaceWith(summary(result));
  $('check-list').replaceWith(checkList(result, current.nothing));
  document.querySelectorAll<HTMLElement>('td[data-id]').forEach((cell) => {
    const id = cell.dataset.id as string;
    const table = tableOf(id);
    if (table) paint(cell, table, id);
  });
}

function render(): void {
  if (lastError && !current) showError(lastError.code, lastError.params);
  const result = shown();
  if (!current || !result) return;
  const { layouts, fill } = current;
  const out = $('results');
  out.replaceChildren();
  drawnFill = fill ? (result.tables[0]?.form ?? null) : null;
  out.append(summary(result), checkList(result, current.nothing));
  if (fill) out.append(el('p', { class: 'notice' }, t().fillHint));
  if (result.tables.length > 0) {
    const items = (Object.keys(ICON) as Status[]).map((k) => el('li', { class: `value ${k}` }, el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[k]), ` ${t().status[k]}`));
    out.append(el('section', { class: 'legend', 'aria-label': t().legend }, el('ul', {}, ...items)));
  }
  result.tables.forEach((tb, i) => {
    const layout = layouts[i];
    const section = el('section', { class: 'table' }, el('h2', {}, `${layout?.name ?? tb.table} (${tb.form})`));
    if (layout) section.append(el('div', { class: 'scroll' }, paperTable(tb, layout, fill)));
    const unknown = tb.diagnostics.filter((d) => d.code === 'unknown-row' || d.code === 'unmatched-text-row');
    if (unknown.length > 0) section.append(el('details', {}, el('summary', {}, `${t().unknown} (${unknown.length})`), el('ul', {}, ...unknown.map((d) => el('li', {}, d.label ?? d.message)))));
    out.append(section);
  });
  if (result.prose.indicators.length > 0) {
    out.append(
      el(
        'section',
        {},
        el('h2', {}, t().prose),
        el(
          'ul',
          { id: 'prose' },
          ...result.prose.indicators.map((p) => {
            const check = result.prose.checks.find((c) => c.ids[0] === p.id);
            const mark = check ? (check.status === 'pass' ? ` ✓ ${t().status.ok}` : ` ✗ ${t().expected} ${check.expected}`) : '';
            return el('li', {}, el('code', {}, p.id), ` = ${p.value} ${p.unit ?? ''}${mark} — ${p.text}`);
          }),
        ),
      ),
    );
  }
  const button = (id: string, label: string, run: () => void): HTMLButtonElement => {
    const b = el('button', { type: 'button', id }, label);
    b.addEventListener('click', run);
    return b;
  };
  const buttons = [
    button('dl-json', 'JSON', () => download('application/json', new TextEncoder().encode(JSON.stringify(result, null, 2)), `${base()}.json`)),
    button('dl-csv', 'CSV', () => send({ type: 'export', format: 'csv', lang })),
    button('dl-xlsx', t().data, () => send({ type: 'export', format: 'xlsx', lang })),
  ];
  if (result.tables.length > 0) {
    buttons.push(button('dl-checked', t().checked, () => send({ type: 'export', format: 'checked', lang })));
    buttons.push(button('dl-return', t().filled, () => send({ type: 'export', format: 'return', lang })));
    if (!fill) buttons.push(button('edit', t().edit, () => edit(result)));
  }
  buttons.push(button('print', t().print, () => window.print()));
  const row = el('p', { class: 'downloads' });
  buttons.forEach((b, i) => row.append(...(i > 0 ? [' ', b] : [b])));
  out.append(el('section', { class: 'actions' }, el('h2', {}, t().downloads), row));
}

/** The loaded return's numbers in inputs, checked again as they change. */
function edit(result: ReportResult): void {
  const form = result.tables[0]?.form;
  if (!form) return;
  const values: Record<string, string> = {};
  for (const tb of result.tables) if (tb.form === form && tb.column.kind !== 'cumulative') for (const i of tb.indicators) values[i.id] ??= i.value === null ? '' : String(i.value);
  send({ type: 'fill', form, name: fileName, values });
}

/** One button per format of the official form: its blank form, to fill in here. */
function drawForms(): void {
  const box = $('blank-forms');
  box.replaceChildren(t().blankForms, ' ');
  for (const f of forms) {
    const b = el('button', { type: 'button', 'data-form': f.form }, f.form);
    b.title = f.name;
    b.addEventListener('click', () => {
      start(`${f.form}-${lang === 'zh' ? '填报' : 'return'}`);
      send({ type: 'blank', form: f.form });
    });
    box.append(b, ' ');
  }
}

function download(type: string, bytes: Uint8Array, name: string): void {
  const a = el('a', { href: URL.createObjectURL(new Blob([bytes as BlobPart], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function applyLang(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  $('h1').textContent = t().title;
  $('intro').textContent = t().intro;
  $('choose-label').textContent = t().choose;
  $('drop-text').textContent = t().drop;
  $('paste-label').textContent = t().paste;
  $('parse-paste').textContent = t().parsePaste;
  $('lang').textContent = t().lang;
  drawForms();
  render();
}

$('file').addEventListener('change', () => {
  const f = ($('file') as HTMLInputElement).files?.[0];
  if (f) void readFile(f);
});
const zone = $('drop');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  const f = e.dataTransfer?.files[0];
  if (f) void readFile(f);
});
zone.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') $('file').click();
});
// A table copied from a page or a spreadsheet arrives as HTML on the clipboard: keep it, merges and all.
let pastedHtml: string | null = null;
$('paste').addEventListener('paste', (e) => {
  pastedHtml = e.clipboardData?.getData('text/html') || null;
});
$('paste').addEventListener('input', () => (pastedHtml = pastedHtml && ($('paste') as HTMLTextAreaElement).value ? pastedHtml : null));
$('parse-paste').addEventListener('click', () => {
  const text = pastedHtml ?? ($('paste') as HTMLTextAreaElement).value;
  if (text.trim() === '') return;
  start('paste');
  send({ type: 'parse', name: 'paste', text });
});
$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  applyLang();
});
applyLang();
