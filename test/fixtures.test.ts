// Fixture pairs: fixtures/tables/<name>/input.* → expected.json.
// UPDATE=1 rewrites the expected files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, ReportResultSchema } from '../src/index.js';
import { fixture, listDirs } from './helpers.js';

for (const name of listDirs('tables')) {
  test(`fixture ${name}`, () => {
    const dir = fixture('tables', name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    assert.ok(input, `${name} has an input file`);
    const result = parseReport(readFileSync(join(dir, input)), { source: `fixtures/tables/${name}/${input}` });
    ReportResultSchema.parse(result);
    const expectedPath = join(dir, 'expected.json');
    const actual = JSON.parse(JSON.stringify(result));
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.equal(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}

test.run();
