// templates/ against the spec's reference: same ids, units, parents, aliases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { defaultCatalogue, loadCatalogue, CatalogueError } from '../src/index.js';
import { fixture, ROOT } from './helpers.js';

interface RefRow {
  form: string;
  id: string;
  unit: string | null;
  parent: string | null;
  aliases: string[];
  label: string;
  sums: string[];
  variant?: string;
  virtual?: boolean;
}
/** The tables every form shares (units, vocabulary, list header words, prose patterns), as on disk. */
const shared = () => ({
  units: JSON.parse(readFileSync(`${ROOT}/templates/units.json`, 'utf8')),
  vocabulary: JSON.parse(readFileSync(`${ROOT}/templates/vocabulary.json`, 'utf8')),
  listHeader: JSON.parse(readFileSync(`${ROOT}/templates/list-header.json`, 'utf8')),
  prose: JSON.parse(readFileSync(`${ROOT}/templates/prose.json`, 'utf8')),
});
const reference: RefRow[] = JSON.parse(readFileSync(fixture('spec', 'catalogue-reference.json'), 'utf8'));

test('form 2014 and each variant: every reference row, same id, label, unit, parent, aliases; every reference sum an identity of its variant', () => {
  const form = defaultCatalogue().forms.find((f) => f.form === '2014')!;
  const mine = form.tables.flatMap((t) => t.indicators);
  const ref = reference.filter((r) => r.form === '2014');
  const problems: string[] = [];
  // National rows against national rows, each variant's rows against that variant's.
  const groups = new Set([...ref.map((r) => r.variant ?? ''), ...mine.map((m) => m.variant ?? '')]);
  for (const v of groups) {
    const theirs = ref.filter((r) => (r.variant ?? '') === v);
    const ours = mine.filter((m) => (m.variant ?? '') === v);
    if (theirs.length !== ours.length) problems.push(`${v || 'national'}: ${ours.length} rows, the reference has ${theirs.length}`);
    for (const r of theirs) {
      const m = ours.find((x) => x.id === r.id);
      if (!m) problems.push(`${v || 'national'}: ${r.id} is missing`);
      else if (JSON.stringify([m.label, m.unit, m.parent, m.aliases, m.virtual]) !== JSON.stringify([r.label, r.unit, r.parent, r.aliases, r.virtual ?? false]))
        problems.push(`${r.id}: ${JSON.stringify([m.label, m.unit, m.parent, m.aliases, m.virtual])} ≠ ${JSON.stringify([r.label, r.unit, r.parent, r.aliases, r.virtual ?? false])}`);
    }
  }
  const sums = (variant: string | null, id: string): string[][] =>
    form.identities.filter((i) => i.relation === '=' && i.left[0] === id && (variant === null ? i.variants === null : i.variants?.includes(variant))).map((i) => i.right);
  for (const r of ref.filter((x) => x.sums.length > 0)) {
    const found = sums(r.variant ?? null, r.id);
    if (!found.some((right) => JSON.stringify(right) === JSON.stringify(r.sums))) problems.push(`${r.id}: no identity of ${r.variant ?? 'the national form'} sums ${r.sums.join(' + ')}`);
  }
  for (const r of ref as (RefRow & { sums_variants?: Record<string, string[]> })[]) {
    for (const [v, right] of Object.entries(r.sums_variants ?? {})) {
      if (!sums(v, r.id).some((x) => JSON.stringify(x) === JSON.stringify(right))) problems.push(`${r.id}: no identity of ${v} sums ${right.join(' + ')}`);
      // The national sum does not hold in that variant.
      const national = form.identities.find((i) => i.variants === null && i.left[0] === r.id && i.relation === '=');
      if (national && !national.except.includes(v)) problems.push(`${r.id}: the national sum is still checked in ${v}`);
    }
  }
  assert.equal(problems, []);
});

test('forms 2019 and 2021: exactly the reference ids, with the same units', () => {
  for (const f of ['2019', '2021']) {
    const form = defaultCatalogue().forms.find((x) => x.form === f)!;
    const mine = new Map(form.tables.flatMap((t) => t.indicators).map((i) => [i.id, i]));
    const ref = reference.filter((r) => r.form === f && (r as { column?: string | null }).column);
    assert.equal([...mine.keys()].sort(), ref.map((r) => r.id).sort(), `form ${f} ids`);
    for (const r of ref) assert.is(mine.get(r.id)?.unit, r.unit, `${f} ${r.id} unit`);
    for (const r of ref) assert.is(mine.get(r.id)?.virtual, r.virtual ?? false, `${f} ${r.id} virtual`);
  }
});

test('no two rows under one parent share a key: every such collision is listed', () => {
  const collisions: string[] = [];
  for (const form of defaultCatalogue().forms)
    for (const table of form.tables) {
      const index = table.layout === 'list' ? table.index : table.rowIndex;
      for (const [key, entries] of index) {
        const byParent = new Map<string, string[]>();
        for (const e of entries as { id: string; ancestors: string[] }[]) byParent.set(e.ancestors[0] ?? '', [...(byParent.get(e.ancestors[0] ?? '') ?? []), e.id]);
        for (const [parent, ids] of byParent) if (ids.length > 1) collisions.push(`form ${form.form} ${table.table}: ${key} under ${parent || 'the table'}: ${ids.join(', ')}`);
      }
    }
  assert.equal(collisions, []);
});

test('labels told apart only by a parenthetical keep it; a collision nothing separates is refused, listing all', () => {
  const fees = defaultCatalogue()
    .forms.find((f) => f.form === '2014')!
    .tables[0]!.indicators.filter((i) => i.parent === 'legacy.fees.active');
  const keys = fees.map((i) => i.keys[0]);
  assert.is(new Set(keys).size, fees.length, keys.join(' '));
  assert.ok(keys.some((k) => k?.includes('光盘')));
  const base = JSON.parse(readFileSync(`${ROOT}/templates/form-2014.json`, 'utf8'));
  const clash = structuredClone(base);
  const rows = clash.tables[0].indicators;
  rows.push({ id: 'active.x1', label: '制发规范性文件总数', aliases: [], unit: '件', parent: 'active' });
  rows.push({ id: 'org.x2', label: '（三）从事政府信息公开工作人员数', aliases: [], unit: '人', parent: 'org' });
  assert.throws(
    () => loadCatalogue({ ...shared(), templates: [clash] }),
    (e: unknown) =>
      e instanceof CatalogueError && /制发规范性文件总 \(under active\): active\.normative_docs_issued, active\.x1/.test((e as Error).message) && /org\.staff, org\.x2/.test((e as Error).message),
  );
});

test('a broken template is rejected with the path of the problem', () => {
  const data = (t: unknown) => ({ ...shared(), templates: [t] });
  const good = JSON.parse(readFileSync(`${ROOT}/templates/form-2014.json`, 'utf8'));
  assert.ok(loadCatalogue(data(good)).forms[0]);
  const badParent = structuredClone(good);
  badParent.tables[0].indicators[1].parent = 'nope';
  assert.throws(
    () => loadCatalogue(data(badParent)),
    (e: unknown) => e instanceof CatalogueError && /unknown parent nope/.test((e as Error).message),
  );
  const badIdentity = structuredClone(good);
  badIdentity.identities[0].right.push('missing.id');
  assert.throws(() => loadCatalogue(data(badIdentity)), /unknown id missing\.id/);
});

test.run();
