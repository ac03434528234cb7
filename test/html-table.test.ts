// The one-pass table reader (src/extract/html-table.ts) against parse5: on
// every region of every HTML page we hold (fixtures, a Word return through
// mammoth, generated pages of every form) and on thousands of damaged copies
// of them, wherever the reader answers, its table is exactly the one read
// from parse5's tree (every cell's text, line and spans; every row's line).
// Where it cannot vouch for the markup it must say so (null), never differ.

import '../src/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { docxToHtml } from '../src/extract/docx.js';
import { parseRegion } from '../src/extract/html.js';
import { scanPage } from '../src/extract/html-scan.js';
import { readTableRegion } from '../src/extract/html-table.js';
import { decode } from '../src/input/decode.js';
import { generatedCase, render } from './fuzz/properties.js';
import { fixture, seeded } from './helpers.js';

const NO_LIMITS = { maxCells: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY };

async function pages(): Promise<{ name: string; html: string }[]> {
  const files = [
    ...readdirSync(fixture('tables')).flatMap((d) =>
      readdirSync(fixture('tables', d))
        .filter((f) => f.endsWith('.html'))
        .map((f) => fixture('tables', d, f)),
    ),
    ...readdirSync(fixture('series'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => fixture('series', f)),
    ...readdirSync(fixture('bad'))
      .filter((f) => /\.html?$/.test(f))
      .map((f) => fixture('bad', f)),
  ];
  const out = files.map((f) => ({ name: f, html: decode(readFileSync(f)).text }));
  out.push({ name: '2014-return.docx', html: await docxToHtml(new Uint8Array(readFileSync(fixture('returns', '2014-return.docx')))) });
  const generated = fc.sample(
    generatedCase.filter((c) => c.rendering === 'html'),
    { numRuns: 150, seed: 15 },
  );
  for (const [i, c] of generated.entries()) out.push({ name: `generated #${i} ${c.form}`, html: String(render(c).bytes) });
  return out;
}

/** Compare the two readings of one region: null from the reader is allowed, a different table never. */
function compare(source: string, line: number, where: string, tally: { answered: number; declined: number }, problems: string[]): void {
  const raw = readTableRegion(source, line);
  if (raw === null) {
    tally.declined++;
    return;
  }
  tally.answered++;
  const parsed = parseRegion(source, line, NO_LIMITS);
  if (parsed.kind !== 'tables' || parsed.tables.length !== 1) {
    problems.push(`${where}: the reader gave a table where parse5 gives ${parsed.kind === 'tables' ? parsed.tables.length : parsed.kind}`);
    return;
  }
  try {
    assert.equal(raw, parsed.tables[0]);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message.slice(0, 300)}`);
  }
}

const regionsOf = (html: string): { source: string; line: number }[] =>
  scanPage(html)
    .regions.filter((r) => !r.cut)
    .map((r) => ({ source: html.slice(r.start, r.end), line: r.line }));

test('every table region of every page: the reader answers as parse5 reads it, and answers most of them', async () => {
  const tally = { answered: 0, declined: 0 };
  const problems: string[] = [];
  for (const p of await pages()) for (const [k, r] of regionsOf(p.html).entries()) compare(r.source, r.line, `${p.name} region ${k}`, tally, problems);
  assert.equal(problems.slice(0, 5), []);
  assert.ok(tally.answered >= 300, JSON.stringify(tally));
  assert.ok(tally.answered > 4 * tally.declined, `the reader answers too few: ${JSON.stringify(tally)}`);
});

// Damage of the kinds scraped and hand-edited pages carry, one or more at random places.
const DAMAGE = [
  '',
  '<td>',
  '</td>',
  '<tr>',
  '</tr>',
  '<th>',
  '<p>',
  '</p>',
  '<br>',
  '</br>',
  '<b>',
  '</b>',
  '<span class="x>y">',
  '</div>',
  '<table>',
  '</table>',
  '&nbsp;',
  '&nbsp',
  '&amp;',
  '&#8203;',
  '&#150;',
  '&copy',
  'x',
  ' ',
  '\r',
  '<!-- c -->',
  '<!-->',
  '<script>a<td>b</script>',
  '<TD COLSPAN=2>',
  "<td rowspan='0'>",
  '<td colspan="&#50;">',
  '<caption>c</caption>',
  '<tbody>',
  '<o:p></o:p>',
  '<',
  '< td>',
  '<td/>',
  '<select>',
];

test('thousands of damaged regions: wherever the reader answers, parse5 agrees', async () => {
  const rnd = seeded(20261202);
  const all = (await pages()).flatMap((p) => regionsOf(p.html).map((r) => ({ ...r, name: p.name })));
  const tally = { answered: 0, declined: 0 };
  const problems: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const r = all[rnd(all.length)] as { source: string; line: number; name: string };
    let s = r.source;
    for (let k = 0, n = 1 + rnd(3); k < n; k++) {
      const at = 1 + rnd(s.length - 1); // never before the region's own <table
      // Insert a piece of damage, or cut a short run (often through a tag).
      s = rnd(3) === 0 ? s.slice(0, at) + s.slice(at + 1 + rnd(12)) : s.slice(0, at) + (DAMAGE[rnd(DAMAGE.length)] as string) + s.slice(at);
    }
    compare(s, r.line, `${r.name} damaged #${i}`, tally, problems);
  }
  assert.equal(problems.slice(0, 5), [], `${problems.length} disagreements`);
  assert.ok(tally.answered >= 800 && tally.declined >= 500, JSON.stringify(tally));
});

test.run();
