// The page in a real browser: Debian's Chromium driven by playwright-core,
// the page opened from file://, fixtures chosen through the file input.
// Runs where /usr/bin/chromium exists (.ci/run installs it); says so when skipped.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixture, returnValues, ROOT } from './helpers.js';
import { bookOf, wordOf } from './zips.js';
import * as XLSX from 'xlsx';
import { defaultCatalogue, type FormEntry } from '../src/catalogue/index.js';
import { parseReport } from '../src/index.js';
import { formWorkbook, workbookBytes } from '../src/output/workbook.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE = pathToFileURL(join(ROOT, 'dist', 'web', 'index.html')).href;
const ARTIFACTS = join(ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist', 'web', 'app.js'));

let browser: Browser;
const requests: string[] = [];

async function open(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  // Every request the page makes is recorded; none may leave the machine.
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(PAGE);
  return page;
}

async function choose(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#form, #error:not([hidden])', { timeout: 60_000 });
}

if (!available) {
  test('browser tests', () => {
    console.log(`  browser tests skipped: ${existsSync(CHROMIUM) ? 'dist/web is not built (npm run build:web)' : `no Chromium at ${CHROMIUM}`}`);
  });
} else {
  test.before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
  });
  test.after(async () => {
    await browser?.close();
  });

  test('seed 003 from file://: form, cell statuses, the failing check and its cells', async () => {
    const page = await open();
    await choose(page, fixture('tables', 'seed003-2014-pipe', 'input.txt'));
    assert.is(await page.textContent('#form'), '2014');
    await page.screenshot({ path: join(ARTIFACTS, 'seed003-top.png') });
    const status = (id: string) => page.getAttribute(`td[data-id="${id}"]`, 'data-status');
    assert.is(await status('active.total'), 'ok');
    assert.is(await status('response.channels'), 'fail');
    assert.is(await status('org.staff'), 'mismatch');
    assert.is(await page.textContent('td[data-id="active.channels.wechat"] .v'), '262');
    const check = page.locator('#checks button[data-rule="response.channels = sum"]');
    // The check in the form's words: the total, what it should be, its parts with their numbers, what the table says.
    assert.match((await check.textContent()) ?? '', /^通过不同渠道和方式回应解读的情况 应为 4（参加或举办新闻发布会总次数 0 \+ .*其他方式回应事件数 4），表中填 0（第\d+行）$/);
    await check.click();
    assert.is(await page.locator('td.hl').count(), 6, 'the total and its five channels');
    assert.ok(await page.evaluate(() => document.activeElement?.getAttribute('data-id') === 'response.channels'), 'focus moves to the first cell');
    assert.match((await page.textContent('#detail')) ?? '', /response\.channels/);
    assert.match((await page.textContent('#prose')) ?? '', /active\.total = 24/);
    await page.screenshot({ path: join(ARTIFACTS, 'seed003-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'seed003-phone.png'), fullPage: false });
    await page.context().close();
  });

  test('an Excel return: form 2021, values as filled, every check passing; English toggle', async () => {
    const page = await open();
    await choose(page, fixture('returns', '2021-filled.xlsx'));
    assert.is(await page.textContent('#form'), '2021');
    const values = returnValues('2021-filled');
    assert.is(await page.textContent('td[data-id="apply.new_received.total"] .v'), String(values['apply.new_received.total']));
    assert.match((await page.textContent('#results')) ?? '', /全部校验通过/);
    await page.click('#lang');
    assert.match((await page.textContent('h1')) ?? '', /checker/);
    assert.match((await page.textContent('#results')) ?? '', /Every check passes/);
    await page.screenshot({ path: join(ARTIFACTS, 'return-2021-desktop.png') });
    await page.context().close();
  });

  test('an Excel 95 return in GBK: the page loads the code pages itself and reads its labels and values', async () => {
    const page = await open();
    await choose(page, fixture('returns', '2014-excel95-gbk.xls'));
    assert.is(await page.textContent('#form'), '2014');
    const values = returnValues('2014-filled');
    assert.is(await page.textContent('td[data-id="active.normative_docs_issued"] .v'), String(values['active.normative_docs_issued']));
    assert.match((await page.textContent('#results')) ?? '', /制发规范性文件总数/);
    await page.context().close();
  });

  test('huge or lying ZIP parts end in limit-decompressed in the page too, never in a tab out of memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-zip-'));
    const page = await open();
    for (const [name, bytes] of [
      ['honest-150mb.docx', wordOf(150)],
      ['lying-100mb.docx', wordOf(100, 2048)],
      ['lying-100mb.xlsx', bookOf(100, 2048)],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      await choose(page, join(dir, name));
      assert.match((await page.textContent('#error')) ?? '', /limit-decompressed|maxXmlBytes/, name);
    }
    await page.context().close();
  });

  test('a PDF report: pdf.js runs inside the page, from file://, and its tables read as the page they were printed from', async () => {
    const page = await open();
    await choose(page, fixture('pdf', '2021-page-chromium.pdf'));
    assert.is(await page.textContent('#form'), '2021');
    assert.is(await page.textContent('td[data-id="apply.new_received.natural_person"] .v'), '30');
    assert.is(await page.textContent('td[data-id="active.licensing.decisions"] .v'), '1200');
    assert.is(await page.getAttribute('td[data-id="apply.carried_forward.legal_services"]', 'data-status'), 'fail');
    await page.screenshot({ path: join(ARTIFACTS, 'pdf-2021-desktop.png') });
    await page.context().close();
  });

  test('downloads: CSV with a BOM and the long-format rows', async () => {
    const page = await open();
    await choose(page, fixture('tables', 'seed003-2014-pipe', 'input.txt'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const path = await download.path();
    const bytes = readFileSync(path);
    assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.match(text, /^\ufeffsource,form,table,id,value,unit,raw,row,col,agency,year,variant,column,column_kind,label,catalogue_label,page,sheet,ref,line\n/);
    assert.match(text, /\n[^\n]*,2014,stats,active\.total,24,条,24条,5,1,/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    assert.is(JSON.parse(readFileSync(await json.path(), 'utf8')).tables[0].indicators.length, 60);
    await page.context().close();
  });

  test('a bad file: a readable message with its code, never a blank page', async () => {
    const page = await open();
    await choose(page, fixture('bad', 'png-named.xls'));
    assert.ok(await page.isVisible('#error'));
    assert.match((await page.textContent('#error')) ?? '', /input-binary/);
    await page.context().close();
  });

  test('keyboard: the drop zone and value cells take focus', async () => {
    const page = await open();
    await choose(page, fixture('tables', 'seed003-2014-pipe', 'input.txt'));
    await page.focus('td[data-id="org.staff"]');
    assert.match((await page.textContent('#detail')) ?? '', /org\.staff[\s\S]*单位不符/);
    assert.is(await page.getAttribute('#drop', 'tabindex'), '0');
    await page.context().close();
  });

  /** A 2021 return whose numbers do not add up: two cells of 表三 changed from the fixture's. */
  function brokenReturn(dir: string): string {
    const wb = XLSX.read(readFileSync(fixture('returns', 'agency-a-2021.xlsx')));
    const ws = wb.Sheets[wb.SheetNames[1] as string] as XLSX.WorkSheet;
    (ws.D5 as XLSX.CellObject).v = 85;
    const path = join(dir, '某局-2021.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    return path;
  }

  test('a failing return: its checks in Chinese, its file name shown, the marked workbook downloaded with red cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-return-'));
    const page = await open();
    await choose(page, brokenReturn(dir));
    assert.is(await page.textContent('#file-name'), '某局-2021.xlsx');
    assert.is(await page.getAttribute('#verdict', 'data-verdict'), 'fail');
    const words = (await page.textContent('#checks')) ?? '';
    assert.match(words, /表三 本年新收政府信息公开申请数量行：总计 应为 591（自然人 85 \+ 商业企业 121 \+ .*），表中填 592/);
    assert.match(words, /表三 自然人列：本年新收政府信息公开申请数量 85 \+ 上年结转政府信息公开申请数量 8 共 93，应为 94/);
    await page.screenshot({ path: join(ARTIFACTS, 'checked-return-desktop.png'), fullPage: true });
    const [marked] = await Promise.all([page.waitForEvent('download'), page.click('#dl-checked')]);
    assert.is(marked.suggestedFilename(), '某局-2021.checked.xlsx');
    const book = XLSX.read(readFileSync(await marked.path()), { cellStyles: true });
    const sheet = book.Sheets[book.SheetNames[1] as string] as XLSX.WorkSheet;
    const d5 = sheet.D5 as XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } };
    assert.is(d5.v, 85);
    assert.is(d5.s?.fgColor?.rgb, 'FFC7CE', 'the failing cell is filled red');
    assert.match(d5.c?.[0]?.t ?? '', /应为 94/, 'and carries the check as its comment');
    assert.ok(book.SheetNames.includes('校验结果'), 'a sheet lists the failed checks');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    assert.is(json.suggestedFilename(), '某局-2021.json');
    await page.context().close();
  });

  test('nothing checked is not "all passed": a page with no table, and a blank form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-nothing-'));
    const page = await open();
    const prose = join(dir, 'notice.txt');
    writeFileSync(prose, '某某局2021年政府信息公开工作年度报告\n本年度我局主动公开政府信息一批。\n');
    await choose(page, prose);
    assert.is(await page.getAttribute('#verdict', 'data-verdict'), 'no-table');
    assert.match((await page.textContent('#verdict')) ?? '', /未找到统计表/);
    const blank = join(dir, 'blank-2021.xlsx');
    writeFileSync(blank, workbookBytes(formWorkbook(defaultCatalogue().forms.find((f) => f.form === '2021') as FormEntry)));
    await page.setInputFiles('#file', blank);
    await page.waitForSelector('#verdict[data-verdict="no-number"]', { timeout: 60_000 });
    assert.match((await page.textContent('#verdict')) ?? '', /表中没有数字/);
    assert.not.match((await page.textContent('#results')) ?? '', /全部校验通过/);
    await page.context().close();
  });

  test('an unreadable file is told in Chinese, with its code and name', async () => {
    const page = await open();
    await choose(page, fixture('bad', 'truncated.xlsx'));
    const text = (await page.textContent('#error')) ?? '';
    assert.match(text, /无法读取 truncated\.xlsx/);
    assert.match(text, /input-corrupt/);
    assert.match(text, /[已损坏无法]/);
    await page.context().close();
  });

  test('at 390 px wide nothing scrolls sideways: the tables scroll in their own boxes', async () => {
    const page = await open(390, 844);
    await choose(page, fixture('returns', '2021-filled.xlsx'));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide at 390 px`);
    await page.screenshot({ path: join(ARTIFACTS, 'return-2021-phone.png') });
    await page.context().close();
  });

  test('print: every table within the width of A4 landscape, failing cells still marked', async () => {
    // A4 landscape less 10 mm margins: 277 mm = 1047 CSS px.
    const page = await open(1047, 740);
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-print-'));
    await choose(page, brokenReturn(dir));
    await page.emulateMedia({ media: 'print' });
    const widths = await page.evaluate(() => Array.from(document.querySelectorAll('table.paper')).map((t) => Math.ceil(t.getBoundingClientRect().right)));
    assert.is(widths.length, 3);
    for (const w of widths) assert.ok(w <= 1047, `a table reaches ${w} px in print (A4 landscape is 1047 px)`);
    const red = await page.evaluate(() => getComputedStyle(document.querySelector('td.fail') as Element).backgroundColor);
    assert.is(red, 'rgb(251, 198, 192)');
    assert.ok(!(await page.isVisible('.actions')), 'buttons are not printed');
    await page.pdf({ path: join(ARTIFACTS, 'checked-return.pdf'), format: 'A4', landscape: true, printBackground: true });
    await page.context().close();
  });

  test('fill and check: the blank 2021 form, a sum broken by typing and mended by typing', async () => {
    const page = await open();
    await page.click('#blank-forms button[data-form="2021"]');
    await page.waitForSelector('input.cell-input');
    assert.is(await page.getAttribute('#verdict', 'data-verdict'), 'no-number');
    const rule = '#checks button[data-rule="apply.new_received.total = sum(applicants)"]';
    await page.fill('input[data-id="apply.new_received.natural_person"]', '5');
    await page.fill('input[data-id="apply.new_received.total"]', '4');
    await page.waitForSelector(rule, { timeout: 10_000 });
    assert.match((await page.textContent(rule)) ?? '', /总计 应为 5（自然人 5 \+ 商业企业 空 .*），表中填 4/);
    assert.is(await page.getAttribute('td[data-id="apply.new_received.natural_person"]', 'data-status'), 'fail');
    await page.fill('input[data-id="apply.new_received.total"]', '5');
    await page.waitForSelector(rule, { state: 'detached', timeout: 10_000 });
    assert.is(await page.inputValue('input[data-id="apply.new_received.natural_person"]'), '5', 'the typed values stay');
    const [filled] = await Promise.all([page.waitForEvent('download'), page.click('#dl-return')]);
    const book = XLSX.read(readFileSync(await filled.path()));
    const back = parseReport(readFileSync(await filled.path()));
    assert.ok(book.SheetNames.length >= 3);
    assert.is(back.tables.find((t) => t.table === 'apply')?.indicators.find((i) => i.id === 'apply.new_received.total')?.value, 5, 'the filled form reads back');
    await page.screenshot({ path: join(ARTIFACTS, 'fill-and-check.png') });
    await page.context().close();
  });

  test('the page made no request beyond its own files', () => {
    const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.equal(outside, []);
    assert.ok(requests.length > 0);
  });
}

test.run();
