// One-off importer: builds templates/form-2019.json and templates/form-2021.json
// (tables 二 active, 三 apply, 四 appeals) from the spec's catalogue-reference.json,
// in the compact rows × columns shape the loader expands into cell ids. After
// import the templates are edited by hand; re-running overwrites them.
import { readFileSync, writeFileSync } from 'node:fs';

const [refPath = '../shared/spec/catalogue-reference.json'] = process.argv.slice(2);
const ref = JSON.parse(readFileSync(refPath, 'utf8'));
const TABLE = { 2: 'active', 3: 'apply', 4: 'appeals' };
const TITLE = { active: '二、主动公开政府信息情况', apply: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' };
const APPLICANTS = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org', 'total'];
const OUTCOMES = ['maintained', 'corrected', 'other', 'pending', 'total'];
// Column headers that a mixed copy uses for the other form's column (FORMS.md §7).
const _EXTRA_COLUMN_ALIASES = {};
// Labels that give a table its structure but are not indicators.
const STRUCTURE = {
  active: ['二、主动公开政府信息情况', '信息内容', '第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '第二十条第(九)项'],
  apply: ['三、收到和处理政府信息公开申请情况', '申请人情况', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '本列数据的勾稽关系为'],
  appeals: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议提起行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'],
};
const TITLE_ALIASES = { active: [], apply: [], appeals: ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'] };

function rowOf(x) {
  return x.row ?? x.id;
}
function stripCol(id, cols) {
  for (const c of cols) if (id.endsWith(`.${c}`)) return id.slice(0, -c.length - 1);
  return id;
}

function build(form) {
  const rows = ref.filter((x) => x.form === form);
  const tables = [];
  for (const t of ['2', '3', '4']) {
    const entries = rows.filter((x) => x.table === t);
    const columns = [];
    for (const x of entries) {
      if (!x.column || columns.some((c) => c.key === x.column)) continue;
      const sameCol = entries.filter((y) => y.column === x.column);
      const units = [...new Set(sameCol.map((y) => y.unit))];
      const col = { key: x.column, label: x.column_label, aliases: x.column_aliases ?? [] };
      if (x.column_group && t === '3') col.group = x.column_group;
      if (units.length === 1 && units[0] !== '件') col.unit = units[0];
      if (sameCol.some((y) => y.unit_printed)) col.unit_printed = true;
      if (x.column === 'change') col.signed = true; // 本年增/减: +1036, -8
      columns.push(col);
    }
    const colKeys = columns.map((c) => c.key);
    const rowDefs = [];
    for (const x of entries) {
      const id = rowOf(x);
      if (rowDefs.some((r) => r.id === id)) continue;
      const cells = entries.filter((y) => rowOf(y) === id && y.column);
      const label = t === '4' ? (x.row_label ?? x.label) : x.label;
      const def = { id, label, aliases: t === '4' ? [] : x.aliases };
      const parentCell = x.parent;
      let parent = parentCell === null ? null : stripCol(parentCell, colKeys);
      if (t === '4') parent = id.startsWith('litigation.') ? 'litigation' : null;
      if (parent === id) parent = null;
      def.parent = parent;
      if (x.virtual) def.virtual = true;
      const own = cells.map((y) => y.column);
      if (cells.length > 0 && own.join() !== colKeys.join()) def.columns = own;
      if (cells.length === 0) def.columns = [];
      if (x.item) def.item = x.item;
      if (x.note) def.note = x.note;
      if (/provincial variant/.test(x.note ?? '')) def.variant = 'hb2020'; // not on the national form
      rowDefs.push(def);
    }
    if (t === '4' && !rowDefs.some((r) => r.id === 'litigation')) throw new Error('litigation group missing');
    const table = { table: TABLE[t], layout: 'matrix', title: TITLE[TABLE[t]], title_aliases: TITLE_ALIASES[TABLE[t]], structure: STRUCTURE[TABLE[t]], columns, rows: rowDefs };
    // Words printed in the layout of the form (template, aggregate): the corner note and headings.
    if (t === '3') Object.assign(table, { corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', column_title: '申请人情况' });
    if (t === '2') table.row_title = '信息内容';
    if (t === '4') {
      // One run of 15 numbers under the two-level header (FORMS.md §3.3).
      table.sequence = ['review', 'litigation.direct', 'litigation.after_review'].flatMap((r) => OUTCOMES.map((c) => `${r}.${c}`));
      table.row_in_header = true;
    }
    tables.push(table);
  }
  const apply = tables.find((t) => t.table === 'apply');
  const dataRows = apply.rows.filter((r) => !r.virtual);
  const leaves = (prefix) => apply.rows.filter((r) => r.parent === prefix).map((r) => r.id);
  const outcomeRows = leaves('apply.results').flatMap((r) => {
    const kids = leaves(r);
    return kids.length > 0 ? kids : r === 'apply.results.total' ? [] : [r];
  });
  const identities = [
    {
      rule: 'apply.balance.{col}',
      relation: '=',
      left: ['apply.new_received.{col}', 'apply.carried_over.{col}'],
      right: ['apply.results.total.{col}', 'apply.carried_forward.{col}'],
      strength: 'official',
      each: { col: APPLICANTS },
      note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    },
    {
      rule: '{row}.total = sum(applicants)',
      relation: '=',
      left: ['{row}.total'],
      right: APPLICANTS.slice(0, -1).map((c) => `{row}.${c}`),
      strength: 'structural',
      each: { row: dataRows.map((r) => r.id) },
    },
    {
      rule: 'apply.results.total.{col} = sum(outcomes)',
      relation: '=',
      left: ['apply.results.total.{col}'],
      right: outcomeRows.map((r) => `${r}.{col}`),
      strength: 'structural',
      each: { col: APPLICANTS },
    },
  ];
  for (const r of apply.rows.filter((x) => x.virtual && leaves(x.id).length > 0 && x.id !== 'apply.results')) {
    identities.push({
      rule: `${r.id}.{col} = sum`,
      relation: '=',
      left: [`${r.id}.{col}`],
      right: leaves(r.id).map((k) => `${k}.{col}`),
      strength: 'structural',
      each: { col: APPLICANTS },
      derive: true,
    });
  }
  for (const r of ['review', 'litigation.direct', 'litigation.after_review']) {
    identities.push({ rule: `${r}.total = sum`, relation: '=', left: [`${r}.total`], right: OUTCOMES.slice(0, -1).map((c) => `${r}.${c}`), strength: 'structural' });
  }
  identities.push({
    rule: 'litigation.{col} = sum',
    relation: '=',
    left: ['litigation.{col}'],
    right: ['litigation.direct.{col}', 'litigation.after_review.{col}'],
    strength: 'structural',
    each: { col: OUTCOMES },
    derive: true,
  });
  return {
    form,
    name: form === '2019' ? '中华人民共和国政府信息公开工作年度报告格式（试行）' : '中华人民共和国政府信息公开工作年度报告格式',
    basis: form === '2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号',
    source: 'catalogue-reference.json; identities from FORMS.md §5',
    tables,
    identities,
  };
}

for (const form of ['2019', '2021']) {
  const t = build(form);
  writeFileSync(new URL(`../templates/form-${form}.json`, import.meta.url), `${JSON.stringify(t, null, 2)}\n`);
  console.log(`form ${form}: ${t.tables.map((x) => `${x.table} ${x.rows.length} rows × ${x.columns.length} columns`).join('; ')}; ${t.identities.length} identity templates`);
}
