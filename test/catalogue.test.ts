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
const reference: RefRow[] = JSON.parse(readFileSync(fixture('spec', 'catalogue-reference.json'), 'utf8'));

test('form 2014: every reference row (no variant), same id, label, unit, parent, aliases', () => {
  const form = defaultCatalogue().forms.find((f) => f.form === '2014')!;
  const mine = form.tables.flatMap((t) => t.indicators);
  const ref = reference.filter((r) => r.form === '2014' && !r.variant);
  assert.is(mine.length, ref.length);
  for (const r of ref) {
    const m = mine.find((x) => x.id === r.id);
    assert.ok(m, r.id);
    assert.equal([m!.label, m!.unit, m!.parent, m!.aliases, m!.virtual], [r.label, r.unit, r.parent, r.aliases, r.virtual ?? false], r.id);
  }
  // every reference sum is an identity
  for (const r of ref.filter((x) => x.sums.length > 0)) {
    const idn = form.identities.find((i) => i.relation === '=' && i.left[0] === r.id);
    assert.equal(idn?.right, r.sums, r.id);
  }
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

test('no two rows of a table share a key unless the hierarchy tells them apart', () => {
  for (const form of defaultCatalogue().forms)
    for (const table of form.tables) {
      const index = table.layout === 'list' ? table.index : table.rowIndex;
      for (const [key, inds] of index) {
        if (inds.length < 2) continue;
        const parents = new Set(inds.map((i) => i.ancestors.at(-1) ?? i.id));
        assert.is(parents.size, inds.length, `key ${key} is shared inside one section: ${inds.map((i) => i.id).join(', ')}`);
      }
    }
});

test('a broken template is rejected with the path of the problem', () => {
  const data = (t: unknown) => ({
    templates: [t],
    units: JSON.parse(readFileSync(`${ROOT}/templates/units.json`, 'utf8')),
    vocabulary: JSON.parse(readFileSync(`${ROOT}/templates/vocabulary.json`, 'utf8')),
    listHeader: JSON.parse(readFileSync(`${ROOT}/templates/list-header.json`, 'utf8')),
    prose: JSON.parse(readFileSync(`${ROOT}/templates/prose.json`, 'utf8')),
  });
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
