// English words of every code. Each sentence is made from the diagnostic's
// data alone; `id()` names an indicator (its id unless a catalogue names it).

import type { MessageMap } from '../messages.js';

const en: MessageMap = {
  'input-empty': ({ p }) => (p.what === 'zero' ? 'The input is empty (0 bytes).' : p.what === 'whitespace' ? 'The input holds only whitespace.' : 'The input is empty.'),
  'input-binary': ({ p, s }) =>
    p.what ? `The input is ${s('what')}, not text or HTML.` : 'The input contains NUL or control bytes in a share no text file has; it looks like binary data (UTF-16 text needs a byte-order mark).',
  'input-too-large': ({ p, s }) => {
    if (p.what === 'grew') return `The file grew past the limit of ${s('limit')} bytes while it was read.`;
    if (p.what === 'stdin') return `Standard input has more than ${s('limit')} bytes.`;
    if (p.what === 'file') return `The file has ${s('size')} bytes, over the limit of ${s('limit')}.`;
    return `The input has ${s('size')} bytes, over the limit of ${s('limit')} (option maxBytes).`;
  },
  'input-unsupported': ({ p, s }) => {
    switch (p.what) {
      case 'container':
        return `The input is ${s('container')}, not text or HTML.`;
      case 'async':
        return `The input is ${p.kind === 'pdf' ? 'a PDF' : 'a Word document (.docx)'}: read it with parseReportAsync (the command line does).`;
      case 'zip':
        return 'The input is a ZIP container but neither a workbook (.xlsx/.ods) nor a Word document (.docx).';
      case 'doc':
        return 'The input is a Word 97–2003 .doc; save it as .docx to have its tables read.';
      case 'compound':
        return 'The input is a compound document that holds no workbook.';
      case 'encoding':
        return `The encoding ${s('encoding')} is not supported by this runtime.`;
      default:
        return 'The input is of a kind this build does not read.';
    }
  },
  'input-corrupt': ({ p, s }) => {
    switch (p.what) {
      case 'docx':
        return `The Word document cannot be read: ${s('reason')}`;
      case 'workbook':
        return `The workbook cannot be read: ${s('reason')}`;
      case 'pdf-open':
        return `The PDF cannot be opened: ${s('reason')}`;
      case 'pdf':
        return `The PDF is damaged: ${s('reason')}`;
      case 'zip-directory':
        return 'The ZIP container has no central directory: the file is truncated or damaged.';
      case 'zip-entry':
        return `The ZIP central directory is damaged at entry ${s('entry')} of ${s('count')}.`;
      case 'zip-duplicate':
        return `The ZIP container has several entries named ${s('names', 5)}: which one holds the table cannot be told.`;
      case 'compound':
        return 'The compound document (.xls/.et/.doc) is truncated or damaged.';
      default:
        return `The container is damaged${p.reason ? `: ${s('reason')}` : '.'}`;
    }
  },
  'limit-decompressed': ({ p, s }) => {
    switch (p.what) {
      case 'entries':
        return `The ZIP container has ${s('count')} entries, over the limit of ${s('limit')}.`;
      case 'total':
        return `The ZIP container would inflate to ${s('size')} bytes, over the limit of ${s('limit')} (option maxUnzippedBytes): refused as a possible zip bomb.`;
      case 'declared':
        return `The container's part ${s('entry')} declares ${s('size')} bytes; the limit is ${s('limit')} bytes (option ${s('option')}): its reader would build more than memory allows, so it was refused.`;
      case 'inflated':
        return `The container's part ${s('entry')} inflates past the limit${p.option === 'maxXmlBytes' ? '' : ' with the parts before it'} though it declares ${s('size')} bytes; the limit is ${s('limit')} bytes (option ${s('option')}): its reader would build more than memory allows, so it was refused.`;
      default:
        return `An entry of the workbook inflates to more than ${s('limit')} bytes whatever its header says (options maxXmlBytes, maxUnzippedBytes): refused as a possible zip bomb.`;
    }
  },
  'aggregate-mixed-forms': ({ p, s }) => {
    if (p.what === 'unknown-form') return `Form ${s('form')} is not in the catalogue.`;
    return `Returns of different forms (or with no table) cannot be summed: ${s('list')}.`;
  },
  'aggregate-duplicate': ({ p, s }) =>
    p.what === 'identical'
      ? `The same return was given twice (byte-identical files): ${s('list')}.`
      : `Several returns come from the same 填报单位 (${s('agency')}): ${s('list')}; give --allow-duplicate-agency to sum them all the same.`,
  'aggregate-mixed-years': ({ s }) => `Returns of different report years cannot be summed: ${s('list')}.`,
  'limit-time': ({ s }) => `parsing took longer than ${s('ms')} ms; the worker was ended`,
  'limit-memory': () => 'parsing needed more memory than a worker may use; the worker was ended',
  'invalid-argument': ({ p, s }) => {
    if (p.what === 'options') return `options must be an object (got ${s('got')}).`;
    if (p.what === 'option') return `option ${s('name')}: ${s('issue')}.`;
    return `input must be a string, an ArrayBuffer or a typed array (got ${s('got')}); a Blob or File goes to parseReportAsync.`;
  },
  'input-encrypted': () => 'The PDF is protected by a password; it cannot be read without it.',
  'internal-error': ({ s }) => s('reason') || 'an unexpected error',
  'file-not-found': ({ p, s }) =>
    p.reason === 'missing' ? 'no such file or folder' : p.reason === 'EISDIR' ? 'cannot read the file (EISDIR: it is a folder)' : `cannot read the file (${s('reason') || 'unreadable'})`,
  'input-not-file': () => 'not a regular file (a FIFO, socket or device): refused, since reading it may never end',
  'compare-year-unknown': ({ p }) =>
    p.what === 'few' ? 'fewer than two reports with a known year are left to compare' : 'the report does not say which year it reports on; it is left out of the comparison',
  'compare-agencies': ({ s }) => `the reports are of different agencies (${s('agencies')}); pass --any-agency to compare them all the same`,
  'compare-same-year': ({ s }) => `${s('count')} reports of ${s('year')} (${s('list')}): give one report per year`,
  'output-unwritable': ({ p, s }) => (p.what === 'sqlite' ? 'SQLite output needs the optional package better-sqlite3, which is not installed here' : `cannot write the output (${s('reason')})`),

  'decode-replacement': ({ p, s }) =>
    `${s('count')} U+FFFD replacement character(s) ${p.inFile ? 'are in the file itself (the text was damaged before it was saved)' : `replace byte sequences that could not be decoded as ${s('encoding')}`}.`,
  'decode-mixed': ({ s }) => `The file mixes encodings: ${s('count')} line(s) were decoded as GB18030 (first: line ${s('first')}), the rest as UTF-8.`,
  'limit-depth': ({ s }) => `Elements nest deeper than ${s('limit')} levels (option maxDepth), or tables more than 32 inside one another; what lies deeper was not read.`,
  'limit-columns': ({ s }) => `The header names ${s('count')} value columns; only the first ${s('limit')} were read.`,
  'workbook-damaged': ({ p, s }) => {
    if (p.what === 'strings')
      return `${s('count')} cell(s) of sheet "${s('sheet')}" (${s('refs', 8)}) point at shared strings that do not exist (${s('values', 3)}); they were read as empty, the rest of the sheet as it is.`;
    if (p.what === 'nested') return `Sheet "${s('sheet')}" holds ${s('tables')} table(s) inside its cells; they were left out and the sheet read as itself.`;
    return `The workbook reader met ${s('count')} damaged or unknown record(s), e.g. "${s('first')}"; what could be read was read.`;
  },
  'prose-conflict': ({ p, id }) => `The text states ${id()} as ${Array.isArray(p.values) ? p.values.join(' and ') : ''}; neither is kept.`,
  'no-table-found': ({ p, s, n }) => {
    const what = p.kind === 'html' || p.kind === 'docx' ? 'page' : p.kind === 'text' ? 'text' : 'file';
    const size = p.characters !== undefined ? ` (${s('characters')} characters, ${s('lines')} lines)` : '';
    const looked =
      p.kind === 'text'
        ? "no pipe table ('|' cell separators) and no run of short lines that reads as a flattened table"
        : p.kind === 'html' || p.kind === 'docx'
          ? 'no <table> element'
          : 'no non-empty sheet or row';
    const seen = n('grids') === 0 ? looked : `${s('grids')} table(s), none of them a statistics table of a known form (see table-not-recognised)`;
    return `No statistics table: the ${what}${size} has ${seen}; only prose was found.`;
  },
  'table-not-recognised': ({ p, s }) => `Table ${s('table')} (${s('rows')}×${s('cols')}${p.line ? `, line ${s('line')}` : ''}) matches no known form.`,
  'limit-tables': ({ s }) => `The document has ${s('count')} tables; only the first ${s('limit')} were read (option maxTables).`,
  'limit-cells': ({ p, s }) => {
    if (p.what === 'expand') return `Table ${s('table')} would expand to more than ${s('limit')} cells (option maxCells); it was not read.`;
    if (p.what === 'wide-table')
      return `Table ${s('table')} has a row of ${s('cells')} cells at line ${s('line')}, more than a table row has (limit ${s('limit')}); the table was not read, the others were.`;
    if (p.what === 'row') return `Line ${s('line')} has ${s('fields')} fields, more than a table row has (limit ${s('limit')}); the line was left out and the tables around it read.`;
    if (p.what === 'sheet') return `Sheet "${s('sheet')}" has ${s('cells')} cells, over the limit of ${s('limit')} (option maxCells); it was not read.`;
    return `Table ${s('table')} has ${s('cells')} cells, over the limit of ${s('limit')} (option maxCells); it was not read.`;
  },
  'limit-pages': ({ s }) => `The PDF has ${s('total')} pages; only the first ${s('read')} were read (option maxPages).`,
  'pdf-image-only': ({ p, s }) =>
    p.all
      ? `Every page (${s('pages')}) is an image with no text layer (a scan); nothing on them was read.`
      : `${Array.isArray(p.pages) ? p.pages.length : 0} page(s) (${s('pages')}) are an image with no text layer (a scan); nothing on those pages was read.`,
  'pdf-stream-table': ({ s }) => `Table ${s('table')} on page ${s('page')} has no rules: its cells were placed by the position of its header labels.`,

  'unknown-row': ({ p, s }) => {
    if (p.what === 'cell') return `Row "${s('label')}" has no cell ${s('id')} in form ${s('form')}; its value ${s('value') || '(blank)'} is not emitted.`;
    if (p.what === 'row') return `Row "${s('label')}" matches no row of form ${s('form')} table ${s('table')}; its values ${s('value')} are not emitted.`;
    return `Row "${s('label')}" matches no indicator of form ${s('form')}; its value ${s('value')} is not emitted.`;
  },
  'unmatched-text-row': ({ p, s }) => `Row "${s('label')}" matches no ${p.what === 'row' ? 'row' : 'indicator'} and holds no value.`,
  'label-approximate': ({ s, id, n }) =>
    `Row "${s('label')}" is not the form's label at its place; it was read as ${id()} (${s('formLabel')}), the row with its numbering in its group, similarity ${n('score').toFixed(2)}.`,
  'fuzzy-match': ({ s, id, n }) => `Row "${s('label')}" was matched to ${id()} (${s('formLabel')}) with similarity ${n('score').toFixed(2)}.`,
  'duplicate-indicator': ({ p, s, id }) =>
    p.label !== undefined
      ? `Row "${s('label')}" matches ${id()} again (first at row ${s('first')}); this row's value ${s('value') || '(blank)'} is not emitted.`
      : `${id()} appears again (first at row ${s('first')}); this value ${s('value') || '(blank)'} is not emitted.`,
  'missing-indicator': ({ s }) => `${s('count')} indicator(s) of form ${s('form')} have no cell in this table: ${s('ids')}.`,
  'value-in-unit-column': ({ s }) => `${s('count')} value(s) were read from the unit column because the value column "${s('column')}" is empty in those rows.`,
  'value-not-a-number': ({ p, s }) => (p.marks ? `"${s('raw')}" is written with ${s('marks')}, which are not digits; it is not read as a number.` : `"${s('raw')}" is not a number.`),
  'value-negative': ({ s, id }) => `${id()} is negative (${s('raw')}).`,
  'value-glued-digits': ({ p, s }) =>
    p.what === 'unsafe'
      ? `"${s('raw')}" has ${s('digits')} digits, more than a number can hold exactly; it is not read.`
      : `${s('raw')} has ${s('digits')} digits: implausible for a count; neighbouring numbers may have been glued together.`,
  'value-two-numbers': ({ s }) => `"${s('raw')}" holds numbers apart from each other; they are not read as one number.`,
  'value-ambiguous-separator': ({ s }) => `"${s('raw')}" has a comma that is not a thousands separator; it is not read as a number.`,
  'value-fraction-in-count': ({ s, id }) => `${id()} is a count in ${s('unit')} but has a fraction (${s('raw')}).`,
  'unit-mismatch': ({ s, id }) => `${id()} is printed in ${s('printed')}; the form's unit is ${s('unit')}. The printed number is kept.`,
  'unit-converted': ({ s, id }) => `${id()}: ${s('value')} ${s('printed')} = ${s('converted')} ${s('unit')}.`,
  'value-in-header-row': ({ p, s, id }) => `Header row ${id()} carries the value ${s('value')}; ${p.kept ? 'it is kept' : 'it is not a cell of the form and is not emitted'}.`,
  'extra-value-columns': ({ s }) => `Table ${s('table')} has ${s('count')} value columns (${s('columns')}); each is emitted as its own table.`,
  'extra-values': ({ p, s }) =>
    p.what === 'row'
      ? `Row "${s('label')}" has ${s('count')} values for ${s('cells')} cells; the last ${Array.isArray(p.extra) ? p.extra.length : 0} (${s('extra')}) are not emitted.`
      : `${s('count')} number(s) stand in columns the header gives no role (first at row ${s('row')}, column ${s('col')}); they are not emitted.`,
  'unit-assumed': ({ s, id }) => `${id()} is printed without a unit (${s('raw')}); it is read in the catalogue unit ${s('unit')}.`,
  'form-mixed': ({ p, s }) => (p.what === 'table' ? `This form ${s('form')} table also has cells of another form: ${s('others')}.` : `The document's tables follow different forms: ${s('forms')}.`),
  'form-ambiguous': ({ p, s }) =>
    `Table ${s('table')} (${s('name')}) fits forms ${Array.isArray(p.forms) ? p.forms.join(' and ') : ''} equally; nothing else in the document decides, so form ${s('chosen')} is used.`,
  'glued-split': ({ p, s, id }) => `The digits ${s('run')} of ${id()} ran together; the one cut the form's sums allow is ${Array.isArray(p.cut) ? p.cut.join(' | ') : ''}.`,
  'glued-ambiguous': ({ p, s, n, id }) => {
    const cuts = Array.isArray(p.cuts) ? p.cuts : [];
    const fits = n('count') === 0 ? 'no cut fits the form' : `${s('count')} cuts fit the form (${cuts.join('; ')}${n('count') > cuts.length ? '; …' : ''})`;
    return `The digits ${s('run')} of ${id()} ran together and ${fits}; nothing is read for it.`;
  },
  'value-below-label': ({ s, id }) => `${id()} is blank on its row (row ${s('first')}) and its value ${s('value')} stands on the line below (row ${s('row')}): read as that row's value.`,
  'blank-form': ({ s }) => `Table ${s('table')} has its header and no value row: its ${s('count')} cells are read as blank.`,
  'total-column-blank': ({ s }) =>
    `The total column is blank in every row (${s('count')} cells) while the columns it sums are filled; it was derived from them for the other checks only (${s('group')}).`,
  'blank-total': ({ s, id }) => `${id()} is blank while the other side of ${s('rule')} is ${s('expected')}; the check counts it as 0.`,
};

export default en;

/** The words a failed check is told in (output/wording.ts puts the names and numbers in). */
export const checkWords = {
  table: (numeral: number) => `Table ${numeral}`,
  shouldBe: 'should be',
  atMost: 'should be at most',
  says: 'the table says',
  sum: (left: string, total: string) => `${left} = ${total}`,
  blank: 'blank',
  computed: 'computed',
  more: (n: number) => `… ${n} more`,
  comma: '; ',
  place: {
    page: (n: number) => `page ${n}`,
    line: (n: number) => `line ${n}`,
    cell: (r: number, c: number) => `row ${r}, column ${c}`,
  },
  column: (name: string) => `column ${name}`,
  row: (name: string) => `row ${name}`,
  plus: ' + ',
  colon: ': ',
  paren: (s: string) => ` (${s})`,
} as const;

/** The words of `zfxxgk check`'s report. */
export const reportWords = {
  mark: { pass: 'ok  ', fail: 'FAIL', skipped: 'skip' },
  tables: (source: string, n: number) => `${source}: ${n} table(s)`,
  table: (i: number, form: string, name: string, column: string, indicators: number, checks: number, failed: number) =>
    `table ${i}: form ${form} (${name}${column}), ${indicators} indicators, ${checks} checks, ${failed} failed`,
  variant: (v: string) => `, variant ${v}`,
  column: (label: string, kind: string) => `, column ${label} (${kind})`,
  strength: { official: 'official', structural: 'structural', usual: 'usual' },
  skippedCount: (n: number) => `skip ${n} check(s) whose cells are not all in the table or all blank (--verbose lists them)`,
  virtualCount: (n: number) => `${n} virtual subtotal(s) computed (--verbose lists them)`,
  virtual: (id: string, value: string) => `virtual ${id} = ${value} (computed: not a printed cell)`,
  at: (place: string) => ` at ${place}`,
  nothing: {
    'no-table': 'nothing was checked: no statistics table was found',
    'no-number': 'nothing was checked: the tables hold no numbers (a blank form, or labels only)',
  },
  summary: (files: number, failed: number, nothing: number, unreadable: number) => `${files} file(s): ${failed} with failed checks, ${nothing} with nothing checked, ${unreadable} unreadable`,
} as const;

/** The words of the marked return (`check --out checked.xlsx`). */
export const markWords = {
  listSheet: 'Failed checks',
  listHeader: ['Sheet', 'Rule', 'What is wrong', 'Should be', 'The table says', 'Cells', 'In the file sent'],
  allPassed: 'Every check passed.',
  noTable: 'No statistics table was found: nothing was checked.',
  noNumber: 'The tables hold no numbers (a blank form, or labels only): nothing was checked.',
  summarySheet: 'Summary',
  summaryHeader: ['File', 'Agency', 'Form', 'Checks failed', 'Result', 'Marked return'],
  result: { failed: 'checks failed', passed: 'all checks passed', nothing: 'nothing checked', unreadable: 'unreadable' },
} as const;
