// The public surface, frozen; the published JSON Schema in step with zod;
// the core free of Node-only modules so a browser can run it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import * as api from '../src/index.js';
import { ROOT } from './helpers.js';

test('exports are frozen', () => {
  assert.equal(Object.keys(api).sort(), [
    'CODES',
    'CatalogueError',
    'CheckSchema',
    'DEFAULT_LIMITS',
    'DiagnosticSchema',
    'IndicatorValueSchema',
    'LANGUAGES',
    'ParseError',
    'ReportResultSchema',
    'TableResultSchema',
    'TemplateSchema',
    'decode',
    'defaultCatalogue',
    'describeCheck',
    'extractGrids',
    'formatMessage',
    'loadCatalogue',
    'localizeReport',
    'normalizeLabel',
    'normalizeText',
    'parseReport',
    'parseReportAsync',
    'parseValue',
    'usePdfAssets',
    'useZlib',
  ]);
});

test('schema/report.schema.json is the zod schema as JSON Schema', () => {
  const onDisk = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
  assert.equal(onDisk, JSON.parse(JSON.stringify(z.toJSONSchema(api.ReportResultSchema, { io: 'output', unrepresentable: 'any' }))));
});

test('every code is kebab-case with a severity and a description', () => {
  for (const [code, info] of Object.entries(api.CODES)) {
    assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['error', 'warning', 'info'].includes(info.severity));
    assert.ok(info.description.length > 10);
  }
});

test('every code is documented in the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const code of Object.keys(api.CODES)) assert.ok(readme.includes(`\`${code}\``), `README documents ${code}`);
});

test('the core imports no node: module (only src/cli may)', () => {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const offenders = walk(join(ROOT, 'src'))
    .filter((f) => f.endsWith('.ts') && !relative(join(ROOT, 'src'), f).startsWith('cli'))
    .filter((f) => /from ['"]node:|require\(|process\./.test(readFileSync(f, 'utf8')));
  assert.equal(offenders, []);
});

test.run();
