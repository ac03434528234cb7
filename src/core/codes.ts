// Every diagnostic and error code the library can produce, in one list.
// Codes are public API (stable, kebab-case); the wording of messages is not.

import type { Severity } from './types.js';

export interface CodeInfo {
  severity: Severity;
  /** What the code means, for the README and `--help`. */
  description: string;
}

export const CODES = {
  // Errors that make an input unreadable (thrown as ParseError).
  'input-empty': { severity: 'error', description: 'The input has no bytes, or only whitespace.' },
  'input-binary': { severity: 'error', description: 'The input is binary data of a kind this package does not read.' },
  'input-too-large': { severity: 'error', description: 'The input is larger than the `maxBytes` limit.' },
  'input-unsupported': { severity: 'error', description: 'The input kind is recognised but not supported by this build.' },
  'input-corrupt': { severity: 'error', description: 'A container (.xlsx, .docx, .xls, .et, .ods) is truncated or damaged and cannot be opened.' },
  'limit-decompressed': {
    severity: 'error',
    description: 'A ZIP container (.xlsx/.docx/.ods) declares more inflated bytes or entries than the `maxUnzippedBytes`/`maxZipEntries` limits: refused as a possible zip bomb.',
  },
  'aggregate-mixed-forms': { severity: 'error', description: '`aggregate` was given returns of different forms, or a file with no statistics table; nothing is summed.' },
  'aggregate-duplicate': {
    severity: 'error',
    description: '`aggregate` was given the same return twice (byte-identical files), or two returns of one 填报单位 without `--allow-duplicate-agency`; nothing is summed, and both are named.',
  },
  'aggregate-mixed-years': { severity: 'error', description: '`aggregate` was given returns of different report years; nothing is summed.' },
  'limit-time': { severity: 'error', description: 'A file took longer than the per-file time limit of a batch run (`--timeout`); its worker was ended and the file reported.' },
  'limit-memory': {
    severity: 'error',
    description: 'Parsing a file in a batch run needed more memory than a worker may use (`--max-memory`, default 512 MB); its worker was ended and the file reported.',
  },
  'invalid-argument': {
    severity: 'error',
    description: 'The library was called with an input or an option of the wrong kind (null, a number, `maxCells: "abc"`, an unknown option); the message names the argument.',
  },
  'input-encrypted': { severity: 'error', description: 'The PDF is protected by a password and cannot be read without it.' },
  'internal-error': { severity: 'error', description: 'An unexpected error (a bug): the file is reported and the run goes on; `--debug` prints the stack.' },
  'file-not-found': { severity: 'error', description: 'The file named on the command line does not exist or cannot be read.' },
  'input-not-file': {
    severity: 'error',
    description: 'The path names a FIFO, a device or another non-regular file (`/dev/zero`, a named pipe): refused before reading, since such a read may never end.',
  },
  'compare-year-unknown': { severity: 'error', description: '(compare) A report does not say which year it reports on; it is left out of the comparison, never placed by guess.' },
  'compare-agencies': { severity: 'error', description: '(compare) The reports are of different agencies; `--any-agency` compares them all the same.' },
  'compare-same-year': { severity: 'error', description: '(compare) Several reports of the same year were given; one report per year is needed.' },
  'output-unwritable': { severity: 'error', description: 'The output cannot be written (a read-only folder, a parent that is a file, a full disk); nothing was left at the output path.' },

  // Document-level diagnostics.
  'decode-replacement': {
    severity: 'warning',
    description: 'The text holds U+FFFD replacement characters: bytes the encoding could not decode, or characters damaged before the file was saved (the message says which).',
  },
  'decode-mixed': { severity: 'warning', description: 'The file mixes UTF-8 and GB18030 lines; each line was decoded in its own encoding and the GB18030 lines are listed.' },
  'limit-depth': { severity: 'warning', description: 'HTML elements nest deeper than the `maxDepth` limit; tables below that depth were not read.' },
  'limit-columns': { severity: 'warning', description: 'A list table has more value columns than the `maxValueColumns` limit (16); only the first ones were read.' },
  'workbook-damaged': {
    severity: 'warning',
    description: "The workbook has damaged or unknown records (often a truncated or altered .xls); the readable part was read and the reader's messages are listed.",
  },
  'prose-conflict': { severity: 'info', description: 'The text states one indicator with two different values; neither is kept among the prose figures.' },
  'no-table-found': { severity: 'info', description: 'The document contains no statistics table; only prose was found.' },
  'table-not-recognised': { severity: 'info', description: 'A table was found but it matches no known form; it is listed with its size and skipped.' },
  'limit-tables': { severity: 'warning', description: 'The document has more tables than the `maxTables` limit; the rest were not read.' },
  'limit-cells': {
    severity: 'warning',
    description: 'A table has more cells than the `maxCells` limit, or a row more cells than a table row has (1,000: a CSV line, an HTML table); it was not read, the rest of the file was.',
  },
  'limit-pages': { severity: 'warning', description: 'The PDF has more pages than the `maxPages` limit (200); the rest were not read.' },
  'pdf-image-only': { severity: 'warning', description: 'PDF pages that are images with no text layer (scans): listed, and nothing is read from them (no OCR, no guess).' },
  'pdf-stream-table': { severity: 'warning', description: 'A PDF table has no ruling lines: its cells were placed by the position of its header labels; its checks are evaluated as usual.' },

  // Table-level diagnostics.
  'unknown-row': { severity: 'warning', description: 'A row with a label or a value matched no indicator of the form; its label is kept in the diagnostic.' },
  'unmatched-text-row': { severity: 'info', description: 'A row holds text but no value and matches no indicator (a title, a note, a signature line); its label is kept in the diagnostic.' },
  'label-approximate': {
    severity: 'warning',
    description:
      "A row label is a near miss of the form's label at its place (a misprint such as 2.其他法律行政止公开): it was read as the row with its numbering in its group; the printed and the catalogue label and their likeness are given.",
  },
  'fuzzy-match': { severity: 'info', description: 'A row label matched an indicator only approximately; the score and the catalogue label are given.' },
  'duplicate-indicator': { severity: 'warning', description: 'Two rows matched the same indicator; the first is kept and the second reported.' },
  'missing-indicator': { severity: 'info', description: 'An indicator of the recognised form has no row in the table.' },
  'value-in-unit-column': { severity: 'info', description: 'The value was read from the unit column because the value column is empty (e.g. `| 24条 | |`).' },
  'value-not-a-number': { severity: 'warning', description: 'A value cell holds text that is not a number or a known placeholder; the value is null and the text is kept in `raw`.' },
  'value-negative': { severity: 'warning', description: 'A count is negative where the form expects a count.' },
  'value-glued-digits': { severity: 'warning', description: 'An integer is implausibly long, as when a scraper glues neighbouring numbers together; the value is kept but should be checked.' },
  'value-two-numbers': {
    severity: 'warning',
    description:
      'A value cell holds numbers apart from each other (`21 0`): cells that ran together, or two columns read as one. They are never read as one number; the value is null and the text is kept in `raw`.',
  },
  'value-ambiguous-separator': { severity: 'warning', description: 'A comma or dot could be a thousands separator or a decimal point; the reading chosen is given.' },
  'value-fraction-in-count': { severity: 'warning', description: 'A count (条, 件, 人 …) has a fractional part.' },
  'unit-mismatch': { severity: 'warning', description: 'The unit printed beside a value differs from the catalogue unit and does not convert exactly.' },
  'unit-converted': { severity: 'info', description: 'The printed unit converted exactly to the catalogue unit (元 → 万元); the value is in the catalogue unit.' },
  'value-in-header-row': { severity: 'info', description: 'A section header that has no value on the form carries a number; it is kept.' },
  'extra-value-columns': { severity: 'info', description: 'The table has several value columns (e.g. 本年 and 累计); each is emitted as its own table.' },
  'extra-values': { severity: 'warning', description: 'A row has more values than the form has cells for it; the extra values are listed in the diagnostic and not emitted.' },
  'unit-assumed': { severity: 'info', description: 'An amount of money is printed without a unit; it is read in the catalogue unit (e.g. 2019 采购总金额).' },
  'form-mixed': {
    severity: 'warning',
    description: 'A table, or a document, mixes rows or columns of two forms (a 2020 report with 2021 rows, a 2021 report keeping 2019 columns); each cell keeps the id of the form it belongs to.',
  },
  'form-ambiguous': { severity: 'info', description: 'A table fits two forms equally well (2019 and 2021 share tables 三 and 四) and nothing else in the document decides; the later form is used.' },
  'glued-split': {
    severity: 'info',
    description: "A run of digits whose cell boundaries were lost (`规范性文件898989`) was cut into the row's values: the one cut the form's sums and rules allow; the cut is given.",
  },
  'glued-ambiguous': {
    severity: 'warning',
    description:
      "A run of digits whose cell boundaries were lost can be cut into the row's values in several ways the form allows (or in none): nothing is read for the row, and the cuts that remained are listed.",
  },
  'value-below-label': {
    severity: 'info',
    description:
      "A row's cell is blank and its value stands on the line below, which has no label of its own (the label cell merged over two lines): the value is read as that row's, and the diagnostic names both places.",
  },
  'blank-form': {
    severity: 'info',
    description: 'A table of a known layout has its header and no value row (a blank form, such as `zfxxgk template` writes): its cells are read as blank, not missing.',
  },
  'total-column-blank': {
    severity: 'info',
    description:
      "A total column is blank in every row while the columns it sums are filled (a publisher's choice): the blank cells stay blank, the totals are derived for the other checks only, and their own sums are skipped.",
  },
  'blank-total': { severity: 'warning', description: 'A total is blank while its parts are not all zero; the check counts it as 0.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
