// The entry point hands the readers their libraries (parse5).
import '../src/index.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { extractHtmlGrids, elementText } from '../src/extract/html.js';
import { parse } from 'parse5';

const texts = (html: string) => extractHtmlGrids(html).grids.map((g) => g.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text))));

test('rowspan and colspan expand; copies are marked spanned', () => {
  const g = texts('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr></table>');
  assert.equal(g, [
    [
      ['A', 'B', '~B'],
      ['~A', '1', '2'],
    ],
  ]);
});

test('rowspan=0 runs to the end; oversized spans are clamped to the table', () => {
  const g = texts('<table><tr><td rowspan="0">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>');
  assert.equal(g, [
    [
      ['A', '1'],
      ['~A', '2'],
      ['~A', '3'],
    ],
  ]);
  const big = extractHtmlGrids('<table><tr><td rowspan="99999" colspan="5000">x</td></tr></table>').grids[0]!;
  assert.equal([big.rows.length, big.rows[0]!.length], [1, 1000]);
});

test('ragged rows are padded; nested tables are separate grids', () => {
  const g = texts('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d<table><tr><td>x</td></tr></table></td></tr></table>');
  assert.equal(
    g,
    [
      [
        ['a', 'b', 'c'],
        ['d', '~', '~'],
      ],
      [['x']],
    ],
    'padding of a short row is marked, not a cell',
  );
});

test('a table whose spans would expand past maxCells is not expanded', () => {
  // rowspan is clamped to the table's rows, colspan to 1000: 200 rows of colspan 1000 are 200,000 cells.
  const rows = '<tr><td colspan="1000">x</td></tr>'.repeat(200);
  const r = extractHtmlGrids(`<table>${rows}</table>`, { maxCells: 100_000, maxDepth: Infinity });
  assert.equal([r.grids.length, r.tooLarge], [0, [0]]);
});

test('cell text: <br> and blocks become newlines, &nbsp; is a space, scripts are dropped', () => {
  const doc = parse('<div>主动<br>公开&nbsp;&nbsp;数<p>第二段</p><script>x=1</script>  end </div>');
  assert.is(elementText(doc), '主动\n公开 数\n第二段\nend');
});

test('cells carry their source line and table index', () => {
  const g = extractHtmlGrids('<p>x</p>\n<table>\n<tr><td>a</td>\n<td>b</td></tr></table>\n<table><tr><td>c</td></tr></table>').grids;
  assert.equal(g[0]!.rows[0]![1]!.origin, { table: 0, line: 4 });
  assert.equal(g[1]!.index, 1);
});

test('source lines come from a scan of the start tags, or from parse5 where the markup is broken', () => {
  const lines = (html: string) => extractHtmlGrids(html).grids.map((g) => [g.origin.line, ...g.rows.flatMap((r) => r.filter((c) => !c.spanned).map((c) => `${c.text}@${c.origin.line}`))]);
  // well formed, with a comment and a script that hold "<td" text, and a nested table
  const ok = '<p>x</p>\n<table>\n<!-- <td>no</td> -->\n<tr><td>a</td>\n<td>b<script>"<td>"</script></td></tr>\n<tr><td><table><tr><td>in</td></tr></table></td></tr></table>';
  assert.equal(lines(ok), [
    [2, 'a@4', 'b@5', '@6'],
    [6, 'in@6'],
  ]);
  // <td> straight under <table> (parse5 implies a <tr>) and a stray </td>: the tree no longer follows the tags
  const broken = '<p>x</p>\n<table>\n<td>a</td></td>\n<td>b</td>\n</table>';
  assert.equal(lines(broken), [[2, 'a@3', 'b@4']]);
});

test('deep nesting does not overflow the stack; outside a table it is never parsed', () => {
  const around = `${'<div>'.repeat(100_000)}<table><tr><td>x</td></tr></table>${'</div>'.repeat(100_000)}`;
  assert.equal([extractHtmlGrids(around).grids.length, extractHtmlGrids(around).tooDeep], [1, false]);
  const inside = `<table><tr><td>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</td><td>y</td></tr></table>`;
  const limited = extractHtmlGrids(inside, { maxCells: Infinity, maxDepth: 50_000 });
  assert.equal([limited.grids.length, limited.tooDeep, limited.grids[0]?.rows[0]?.[1]?.text], [1, true, 'y']);
});

test('the scan skips comments, scripts and styles, and keeps unclosed tables', () => {
  const html =
    '<!-- <table><tr><td>no</td></tr></table> --><script>var s="<table>";</script><style>table{}</style><table><tr><td>yes</td></tr><table><tr><td>inner</td></tr></table></table><p>after</p><table><tr><td>open';
  const g = extractHtmlGrids(html).grids;
  assert.equal(
    g.map((x) => x.rows[0]?.[0]?.text),
    ['yes', 'inner', 'open'],
  );
});

test.run();
