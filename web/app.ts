// The page: choose, drop or paste a return; a worker parses it; the tables
// are drawn as on paper with every value cell's status, the failing checks
// are listed (choosing one highlights its cells), and the results can be
// downloaded. Nothing leaves the page: no request is ever made.

import type { PaperSheet } from '../src/output/paper-form.js';
import type { ReportResult, TableResult } from '../src/output/schema.js';
import type { Request, Response } from './protocol.js';

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
    none: '未发现统计表',
    checks: '校验未通过',
    allPass: '全部校验通过',
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
    checks: 'Failing checks',
    allPass: 'Every check passes',
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
let current: { result: ReportResult; layouts: (PaperSheet | null)[] } | null = null;
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
    showError('internal-error', e.message || 'the worker stopped');
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
  else if (m.type === 'error') showError(m.code, m.message);
  else if (m.type === 'result') {
    current = { result: m.result, layouts: m.layouts };
    render();
  } else download(m.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', m.bytes, `zfxxgk.${m.format}`);
}

function send(req: Request, transfer: Transferable[] = []): void {
  if (req.type === 'parse') {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      worker.terminate();
      worker = startWorker();
      showError('limit-time', `the file took longer than ${TIME_LIMIT_MS / 1000} s and was given up`);
    }, TIME_LIMIT_MS);
  }
  worker.postMessage(req, transfer);
}

function start(name: string): void {
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

function showError(code: string, message: string): void {
  $('busy').hidden = true;
  const box = $('error');
  box.hidden = false;
  box.replaceChildren(el('strong', {}, `${t().error}: `), el('code', {}, code), ` — ${message}`);
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
  const checks = table.checks.filter((c) => c.ids.includes(id) && c.status !== 'skipped').map((c) => `${c.rule}: ${c.status}`);
  const raw = ind ? `"${ind.raw}"` : '';
  return [`${t().id}: ${id}`, ind ? `${t().value}: ${ind.value ?? '—'} ${ind.unit ?? ''} ${raw}` : t().status.missing, `${t().status[statusOf(table, id)]}`, ...checks].join('\n');
}

function paperTable(table: TableResult, layout: PaperSheet): HTMLTableElement {
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
      if (!id) {
        tr.append(el(r === 0 ? 'th' : 'td', attrs, text ?? ''));
        return;
      }
      const status = statusOf(table, id);
      const ind = table.indicators.find((i) => i.id === id);
      const cell = el(
        'td',
        { ...attrs, class: `value ${status}`, tabindex: '0', 'data-id': id, 'data-status': status, title: describe(table, id) },
        el('span', { class: 'v' }, ind?.value === null || !ind ? '' : String(ind.value)),
        el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[status]),
        el('span', { class: 'sr' }, ` ${t().status[status]}`),
      );
      cell.addEventListener('focus', () => ($('detail').textContent = describe(table, id)));
      tr.append(cell);
    });
    body.append(tr);
  });
  return el('table', { class: 'paper' }, body);
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

function render(): void {
  if (!current) return;
  const { result, layouts } = current;
  const out = $('results');
  out.replaceChildren();
  const meta = result.meta;
  const forms = [...new Set(result.tables.map((x) => x.form))].join(', ') || '—';
  out.append(
    el(
      'section',
      { class: 'summary', 'aria-live': 'polite' },
      el('p', {}, `${t().form}: `, el('strong', { id: 'form' }, forms), ` · ${result.tables.length} ${t().tables}`),
      el('p', {}, `${t().agency}: ${meta.agency ?? '—'} · ${t().year}: ${meta.year ?? '—'}`),
    ),
  );
  if (result.tables.length === 0) {
    const d = result.diagnostics.find((x) => x.code === 'no-table-found');
    out.append(el('p', { class: 'notice', role: 'status' }, `${t().none}: `, el('code', {}, 'no-table-found'), ` ${d?.message ?? ''}`));
  }
  const failing = result.tables.flatMap((tb, ti) => tb.checks.filter((c) => c.status === 'fail').map((c) => ({ c, ti })));
  const list = el('ul', { id: 'checks' });
  for (const { c } of failing) {
    const b = el('button', { type: 'button', 'data-rule': c.rule }, `${c.rule} — ${t().expected} ${c.expected}, ${t().actual} ${c.actual} (${c.ids.length} ${t().cells})`);
    b.addEventListener('click', () => highlight(c.ids));
    list.append(el('li', {}, b));
  }
  out.append(el('section', {}, el('h2', {}, failing.length > 0 ? `${t().checks} (${failing.length})` : t().allPass), list));
  if (result.tables.length > 0) {
    const items = (Object.keys(ICON) as Status[]).map((k) => el('li', { class: `value ${k}` }, el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[k]), ` ${t().status[k]}`));
    out.append(el('section', { class: 'legend', 'aria-label': t().legend }, el('ul', {}, ...items)));
  }
  result.tables.forEach((tb, i) => {
    const layout = layouts[i];
    const section = el('section', { class: 'table' }, el('h2', {}, `${layout?.name ?? tb.table} (${tb.form})`));
    if (layout) section.append(el('div', { class: 'scroll' }, paperTable(tb, layout)));
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
  const json = el('button', { type: 'button', id: 'dl-json' }, 'JSON');
  json.addEventListener('click', () => download('application/json', new TextEncoder().encode(JSON.stringify(result, null, 2)), 'zfxxgk.json'));
  const csv = el('button', { type: 'button', id: 'dl-csv' }, 'CSV');
  csv.addEventListener('click', () => send({ type: 'export', format: 'csv' }));
  const xlsx = el('button', { type: 'button', id: 'dl-xlsx' }, 'Excel');
  xlsx.addEventListener('click', () => send({ type: 'export', format: 'xlsx' }));
  out.append(el('section', {}, el('h2', {}, t().downloads), el('p', { class: 'downloads' }, json, ' ', csv, ' ', xlsx)));
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
