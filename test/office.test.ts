// Issue 17, the office's tools: messages apart from codes in Chinese and
// English, checks in the form's words, the marked return, batch checks, and
// aggregation an office can trust.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { CODES, type Code, defaultCatalogue, describeCheck, formatMessage, LANGUAGES, localizeReport, parseReport } from '../src/index.js';
import { main } from '../src/cli/main.js';
import { messageMap } from '../src/core/messages.js';
import { printedName } from '../src/catalogue/index.js';
import { fakeIO, fixture, returnValues } from './helpers.js';
import type { FormEntry } from '../src/catalogue/index.js';
import { formWorkbook, workbookBytes } from '../src/output/workbook.js';

const HAN = /[\u4e00-\u9fff]/;
const example = fixture('examples', 'xuejiadao-2017.txt');

/** A 2021 return whose 表三 does not add up: D5 changed from 86 to 85. */
function brokenReturn(dir: string, name = 'broken.xlsx'): string {
  const wb = XLSX.read(readFileSync(fixture('returns', 'agency-a-2021.xlsx')));
  const ws = wb.Sheets[wb.SheetNames[1] as string] as XLSX.WorkSheet;
  (ws.D5 as XLSX.CellObject).v = 85;
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

test('every code has a sentence in every language, from its data alone', () => {
  for (const lang of LANGUAGES) {
    const map = messageMap(lang);
    assert.equal(Object.keys(map).sort(), Object.keys(CODES).sort(), `${lang} words every code, and no other`);
    for (const code of Object.keys(CODES) as Code[]) {
      const text = formatMessage(code, {}, lang);
      assert.ok(text.length > 0, `${lang} ${code}`);
      assert.not.match(text, /undefined|\[object/, `${lang} ${code}: ${text}`);
      if (lang === 'zh') assert.match(text, HAN, `zh ${code} is Chinese: ${text}`);
    }
  }
});

test('every label of every form has an English name (templates/labels-en.json)', () => {
  const catalogue = defaultCatalogue();
  const missing: string[] = [];
  for (const form of catalogue.forms)
    for (const t of form.tables) {
      const labels = t.layout === 'list' ? t.indicators.map((i) => i.label) : [...t.rows.map((r) => r.label), ...t.columns.map((c) => c.label)];
      for (const l of [t.title, ...labels]) if (!catalogue.english.has(printedName(l))) missing.push(`${form.form}/${t.table}: ${l}`);
    }
  assert.equal(missing, []);
});

test('a report in Chinese: the same codes and data, the words from the zh map', () => {
  const bytes = readFileSync(example);
  const en = parseReport(bytes);
  const zh = parseReport(bytes, { lang: 'zh' });
  const strip = (d: { message: string }[]) => d.map(({ message: _, ...rest }) => rest);
  assert.equal(strip(zh.tables[0]?.diagnostics ?? []), strip(en.tables[0]?.diagnostics ?? []));
  const unit = zh.tables[0]?.diagnostics.find((d) => d.code === 'unit-mismatch');
  assert.is(unit?.message, '“从事政府信息公开工作人员数”的单位填为“个”，表中规定的单位是“人”；数值按所填保留。');
  assert.equal(unit?.params, { id: 'org.staff', printed: '个', unit: '人' });
  assert.equal(localizeReport(en, 'zh'), zh, 'localizing afterwards gives the same report');
});

test("a failed check in the form's words, with its numbers and cells, in both languages", () => {
  const doc = parseReport(readFileSync(example));
  const table = doc.tables[0];
  const check = table?.checks.find((c) => c.rule === 'response.channels = sum');
  assert.ok(table && check && check.status === 'fail');
  assert.is(
    describeCheck(check, table, 'zh'),
    '通过不同渠道和方式回应解读的情况 应为 4（参加或举办新闻发布会总次数 0 + 政府网站在线访谈次数 0 + 政策解读稿件发布数 0 + 微博微信回应事件数 0 + 其他方式回应事件数 4），表中填 0（第36行）',
  );
  assert.is(
    check.message,
    'Responses by channel should be 4 (Press conferences held or attended 0 + Online interviews on the government website 0 + Policy interpretations published 0 + Responses on Weibo and WeChat 0 + Responses by other means 4); the table says 0 (line 36)',
  );
});

test('a workbook check names the sheet and cell, and says which row or column the sum runs along', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const doc = parseReport(readFileSync(brokenReturn(dir)), { lang: 'zh' });
  const apply = doc.tables.find((t) => t.table === 'apply');
  const messages = apply?.checks.filter((c) => c.status === 'fail').map((c) => c.message) ?? [];
  assert.ok(
    messages.includes(
      '表三 本年新收政府信息公开申请数量行：总计 应为 591（自然人 85 + 商业企业 121 + 科研机构 101 + 社会公益组织 86 + 法律服务机构 90 + 其他 108），表中填 592（三、收到和处理政府信息公开申请情况!J5）',
    ),
    messages.join('\n'),
  );
  assert.ok(messages.some((m) => m?.startsWith('表三 自然人列：本年新收政府信息公开申请数量 85 + 上年结转政府信息公开申请数量 8 共 93，应为 94（')));
});

test('zfxxgk check --lang zh, the locale, and a wrong --lang', async () => {
  const zh = fakeIO();
  assert.is(await main(['check', example, '--lang', 'zh'], zh), 3);
  assert.match(zh.out(), /不通过 response\.channels = sum \(通常\): 通过不同渠道和方式回应解读的情况 应为 4/);
  const locale = fakeIO();
  assert.is(await main(['check', example], { ...locale, env: { LANG: 'zh_CN.UTF-8' } }), 3);
  assert.match(locale.out(), /表中填 0/);
  const en = fakeIO();
  assert.is(await main(['check', example], { ...en, env: { LANG: 'C.UTF-8' } }), 3);
  assert.match(en.out(), /the table says 0/);
  const missing = fakeIO();
  assert.is(await main(['check', join(tmpdir(), 'no-such-file.txt'), '--lang', 'zh'], missing), 1);
  assert.match(missing.err(), /file-not-found: 没有这个文件或文件夹/);
  assert.is(await main(['check', example, '--lang', 'fr'], fakeIO()), 2);
});

test('zfxxgk check: exit 4 when nothing could be checked, and it says why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const prose = join(dir, 'prose.txt');
  writeFileSync(prose, '某某局2021年政府信息公开工作年度报告\n本年度我局主动公开政府信息一批。\n');
  const io = fakeIO();
  assert.is(await main(['check', prose, '--lang', 'zh'], io), 4);
  assert.match(io.out(), /没有可校验的内容：未找到统计表/);
  const blank = join(dir, 'blank.xlsx');
  assert.is(await main(['template', '2021', '--out', blank], fakeIO()), 0);
  const b = fakeIO();
  assert.is(await main(['check', blank], b), 4);
  assert.match(b.out(), /nothing was checked: the tables hold no numbers/);
});

test('zfxxgk check --out FILE.xlsx: the marked return, red cells with the check as comment, a list of failures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const out = join(dir, 'broken.checked.xlsx');
  assert.is(await main(['check', brokenReturn(dir), '--lang', 'zh', '--out', out], fakeIO()), 3);
  const book = XLSX.read(readFileSync(out), { cellStyles: true });
  assert.equal(book.SheetNames, ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '校验结果']);
  const apply = book.Sheets[book.SheetNames[1] as string] as XLSX.WorkSheet;
  type Styled = XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } };
  const fill = (ref: string) => (apply[ref] as Styled | undefined)?.s?.fgColor?.rgb;
  assert.is((apply.D5 as XLSX.CellObject).v, 85);
  assert.is(fill('D5'), 'FFC7CE', 'a cell of a failed check is red');
  assert.is(fill('J5'), 'FFC7CE');
  assert.is(fill('D7'), undefined, 'a cell of passing checks only is not marked');
  assert.match((apply.J5 as XLSX.CellObject).c?.[0]?.t ?? '', /总计 应为 591（自然人 85/);
  const list = XLSX.utils.sheet_to_json<string[]>(book.Sheets.校验结果 as XLSX.WorkSheet, { header: 1 });
  assert.equal(list[0], ['工作表', '规则', '问题', '应为', '表中填', '单元格', '原文件中位置']);
  assert.ok(list.some((r) => r[1] === 'apply.new_received.total = sum(applicants)' && String(r[5]).startsWith('J5, D5')));
  // The marked return is still a return: read back, the same numbers.
  const back = parseReport(readFileSync(out));
  assert.is(back.tables.find((t) => t.table === 'apply')?.indicators.find((i) => i.id === 'apply.new_received.natural_person')?.value, 85);
});

test('zfxxgk check FOLDER --out FOLDER/: a marked return per input and a summary workbook', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const returns = join(dir, 'returns');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(returns);
  brokenReturn(returns, 'a.xlsx');
  copyFileSync(fixture('returns', 'agency-c-2021.xlsx'), join(returns, 'c.xlsx'));
  writeFileSync(join(returns, 'bad.xls'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  const out = join(dir, 'checked');
  const io = fakeIO();
  assert.is(await main(['check', returns, '--out', `${out}/`, '--lang', 'zh'], io), 1, 'an unreadable return makes the run exit 1');
  assert.equal(readdirSync(out).sort(), ['a.checked.xlsx', 'c.checked.xlsx', '汇总.xlsx']);
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(readFileSync(join(out, '汇总.xlsx'))).Sheets.汇总 as XLSX.WorkSheet, { header: 1 });
  assert.equal(rows[0], ['文件', '填报单位', '格式', '不通过项数', '结果', '标注后的报表']);
  const byFile = new Map(rows.slice(1).map((r) => [String(r[0]).replace(/^.*[\\/]/, ''), r]));
  assert.equal(byFile.get('a.xlsx')?.slice(1), ['某某区第1局', '2021', 2, '校验不通过', 'a.checked.xlsx']);
  assert.equal(byFile.get('c.xlsx')?.slice(3, 5), [0, '全部通过']);
  assert.is(byFile.get('bad.xls')?.[4], '无法读取');
  assert.match(io.out(), /共 3 个文件：1 个校验不通过，0 个没有可校验的内容，1 个无法读取/);
});

test('aggregate refuses the same return twice, one 填报单位 twice (unless allowed), and mixed years', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const a = fixture('returns', 'agency-a-2021.xlsx');
  const twice = fakeIO();
  assert.is(await main(['aggregate', a, a, '--out', join(dir, 'x.json')], twice), 1);
  assert.match(twice.err(), /aggregate-duplicate: The same return was given twice \(byte-identical files\): .*agency-a-2021\.xlsx, .*agency-a-2021\.xlsx/);
  // The same return saved again (another file, other bytes, one 填报单位).
  const again = join(dir, 'agency-a-again.xlsx');
  writeFileSync(again, XLSX.write(XLSX.read(readFileSync(a)), { type: 'buffer', bookType: 'xlsx', compression: true }));
  const same = fakeIO();
  assert.is(await main(['aggregate', a, again, '--out', join(dir, 'y.json')], same), 1);
  assert.match(same.err(), /aggregate-duplicate: .*某某区第1局/);
  const allowed = fakeIO();
  assert.is(await main(['aggregate', a, again, '--allow-duplicate-agency', '--region', '某某区', '--out', join(dir, 'z.xlsx')], allowed), 0);
  assert.match(allowed.err(), /2 returns of 某某区第1局 summed/);
  const book = XLSX.read(readFileSync(join(dir, 'z.xlsx')));
  assert.is(book.Props?.Title, '某某区中华人民共和国政府信息公开工作年度报告格式（汇总）');
});

test('aggregate: the per-agency sheet names each failed rule in Chinese with its cells; --region names the total', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const files = ['a', 'b', 'c'].map((k) => fixture('returns', `agency-${k}-2021.xlsx`));
  assert.is(await main(['aggregate', ...files, '--region', '某某区', '--out', join(dir, 'r.xlsx')], fakeIO()), 0);
  const book = XLSX.read(readFileSync(join(dir, 'r.xlsx')));
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.各单位未通过的校验 as XLSX.WorkSheet, { header: 1 });
  assert.equal(rows[0], ['填报单位', '来源文件', '规则', '问题', '单元格']);
  const b = rows.filter((r) => r[0] === '某某区第2局');
  assert.is(b.length, 2);
  assert.match(b[0]?.[3] ?? '', /^表三 自然人列：.*应为/);
  assert.match(b[0]?.[4] ?? '', /^三、收到和处理政府信息公开申请情况!D5, D6, D28, D29$/);
  assert.is(await main(['aggregate', ...files, '--region', '某某区', '--out', join(dir, 'r.json')], fakeIO()), 0);
  assert.is(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).meta.agency, '某某区');
});

test('a 2014 return with an empty 填报单位 has no agency (not "填报"); aggregate names it by its file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-office-'));
  const blank = join(dir, '某乡.xlsx');
  const values = new Map(Object.entries(returnValues('2014-filled')));
  writeFileSync(blank, workbookBytes(formWorkbook(defaultCatalogue().forms.find((f) => f.form === '2014') as FormEntry, values)));
  const doc = parseReport(readFileSync(blank));
  assert.is(doc.tables[0]?.form, '2014');
  assert.is(doc.meta.agency, null);
  const other = join(dir, 'other.xlsx');
  copyFileSync(fixture('returns', '2014-filled.xlsx'), other);
  assert.is(await main(['aggregate', blank, other, '--out', join(dir, 'sum.xlsx')], fakeIO()), 0);
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(join(dir, 'sum.xlsx'))).Sheets.各单位校验 as XLSX.WorkSheet, { header: 1 });
  assert.is(rows[1]?.[0], '某乡.xlsx');
});

test.run();
