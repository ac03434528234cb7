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
    const check = page.locator('#checks button', { hasText: 'response.channels = sum' });
    assert.match((await check.textContent()) ?? '', /应为 4，?,? ?实为 0|应为 4, 实为 0/);
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

  test('the page made no request beyond its own files', () => {
    const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.equal(outside, []);
    assert.ok(requests.length > 0);
  });
}

test.run();
