// The four prose-only seeds: valid output, no tables, a specific message.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { parseReport, ReportResultSchema } from '../src/index.js';
import { fixture, readFixture } from './helpers.js';

for (const name of readdirSync(fixture('seeds')).sort()) {
  test(`prose seed ${name}: no table, an informative no-table-found`, () => {
    const r = parseReport(readFixture('seeds', name), { source: name });
    ReportResultSchema.parse(r);
    assert.is(r.tables.length, 0);
    const d = r.diagnostics.find((x) => x.code === 'no-table-found');
    assert.ok(d);
    assert.is(d!.severity, 'info');
    assert.match(d!.message, /no pipe table \('\|' cell separators\) and no run of short lines/);
    assert.match(d!.message, /\d+ characters, \d+ lines/);
  });
}

test.run();
