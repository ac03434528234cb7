// One-off importer: builds templates/form-2014.json from the spec's
// catalogue-reference.json (form "2014", no variant). After import the
// template is the source of truth and is edited by hand; re-running this
// overwrites it. Usage: node scripts/import-reference.mjs ../shared/spec/catalogue-reference.json
import { readFileSync, writeFileSync } from 'node:fs';

const [refPath = '../shared/spec/catalogue-reference.json'] = process.argv.slice(2);
const ref = JSON.parse(readFileSync(refPath, 'utf8'));
const rows = ref.filter((x) => x.form === '2014' && !x.variant);

// Units a printed copy may use besides the catalogue unit without a diagnostic (FORMS.md §2.1).
const ACCEPTED = { 'active.normative_docs': ['件'] };

const indicators = rows.map((x) => {
  const out = { id: x.id, label: x.label, aliases: x.aliases, unit: x.unit, parent: x.parent };
  if (ACCEPTED[x.id]) out.units_accepted = ACCEPTED[x.id];
  if (x.virtual) out.virtual = true;
  return out;
});

const identities = [];
for (const x of rows) {
  if (x.sums.length > 0) {
    identities.push({ rule: `${x.id} = sum`, relation: '=', left: [x.id], right: x.sums, strength: x.sum_status ?? 'usual' });
  }
}
const childrenOf = (id) => rows.filter((r) => r.parent === id).map((r) => r.id);
// The free-text `checks` of the reference, as data (FORMS.md §2.2).
identities.push(
  {
    rule: 'active.total <= sum(active.channels.*)',
    relation: '<=',
    left: ['active.total'],
    right: childrenOf('active.channels'),
    strength: 'usual',
    note: 'one item published on several channels counts once in the total',
  },
  {
    rule: 'response.hotspots <= sum(response.channels.*)',
    relation: '<=',
    left: ['response.hotspots'],
    right: childrenOf('response.channels'),
    strength: 'usual',
    note: 'one hotspot answered in several ways counts once',
  },
  { rule: 'active.normative_docs <= active.total', relation: '<=', left: ['active.normative_docs'], right: ['active.total'], strength: 'usual' },
  {
    rule: 'response.channels.press_conferences.principal <= response.channels.press_conferences',
    relation: '<=',
    left: ['response.channels.press_conferences.principal'],
    right: ['response.channels.press_conferences'],
    strength: 'usual',
  },
  {
    rule: 'response.channels.online_interviews.principal <= response.channels.online_interviews',
    relation: '<=',
    left: ['response.channels.online_interviews.principal'],
    right: ['response.channels.online_interviews'],
    strength: 'usual',
  },
);

const template = {
  form: '2014',
  name: '政府信息公开情况统计表',
  basis: '国办发〔2014〕32号',
  source: 'catalogue-reference.json (form "2014", no variant); identities from FORMS.md §2.2',
  tables: [{ table: 'stats', layout: 'list', title: '政府信息公开情况统计表', title_aliases: ['政府信息公开情况统计表', '政府信息公开工作情况统计表'], indicators }],
  identities,
};
writeFileSync(new URL('../templates/form-2014.json', import.meta.url), `${JSON.stringify(template, null, 2)}\n`);
console.log(`form 2014: ${indicators.length} indicators, ${identities.length} identities`);
