// The typed data passed between the pipeline's stages. Each stage takes one of
// these and returns the next; nothing here depends on Node or the DOM.

import type { Code } from './codes.js';
import type { Params } from './messages.js';

/** Where a cell came from in its source document. */
export interface CellOrigin {
  /** 1-based source line (text, or the line of the HTML element). */
  line?: number;
  /** 0-based index of the `<table>` in an HTML document. */
  table?: number;
  /** Worksheet name (workbooks). */
  sheet?: string;
  /** A1 reference (workbooks). */
  ref?: string;
  /** 1-based page (PDF). */
  page?: number;
  /** The cell's box on its page in PDF units, [x0, y0, x1, y1] with y up (PDF). */
  box?: [number, number, number, number];
}

/** One cell of an expanded grid. */
export interface Cell {
  /** Text as found, with markup removed and entities decoded. */
  text: string;
  origin: CellOrigin;
  /**
   * True when this grid position is covered by a merged cell whose text
   * belongs to another position (rowspan/colspan copy), or holds no cell of
   * the source at all (the padding of a short row). Labels may be read from
   * spanned cells; values never are.
   */
  spanned: boolean;
  /** A number carried by the source itself (workbook cells), not parsed from text. */
  number?: number;
  /** The digits of several cells run together (text that lost its cell boundaries): split by the table stage. */
  glued?: boolean;
}

/** A rectangular grid of cells: `rows[r][c]`; rows are padded to one width. */
export interface Grid {
  rows: Cell[][];
  /** Where the table starts, for messages. */
  origin: CellOrigin;
  /** Index of this grid among the grids of its document. */
  index: number;
}

export type InputKind = 'text' | 'html' | 'xlsx' | 'xls' | 'ods' | 'csv' | 'docx' | 'pdf' | 'unknown';

export interface DecodedInput {
  text: string;
  encoding: string;
  kind: InputKind;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  row?: number;
  col?: number;
  line?: number;
  ref?: string;
  sheet?: string;
  table?: number;
  page?: number;
  box?: [number, number, number, number];
}

/** A problem found while reading: data, not an exception. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** The sentence, in English unless the report was localised (localizeReport, option `lang`). */
  message: string;
  /** The data the sentence is made from: what a program reads instead of the words. */
  params?: Params;
  id?: string;
  cell?: Location;
  expected?: unknown;
  actual?: unknown;
  label?: string;
}

/** A row label after normalisation: what is matched, plus the structure stripped from it. */
export interface NormalizedLabel {
  /** The label as found. */
  raw: string;
  /** Simplified script, NFKC, no whitespace, no ruby debris. Numbering and notes kept. */
  text: string;
  /** `text` without numbering, 其中, parenthetical notes: the key matched against the catalogue. */
  key: string;
  /** `key` with the parenthetical notes kept: what tells 复制费（纸张） from 复制费（光盘）. */
  noteKey: string;
  /** Numbering level: 1 for 一、, 2 for （一）, 3 for 1. / ①, 0 for none. */
  level: number;
  /** The numeral of the numbering prefix as an integer (一→1, （三）→3, 2.→2), or null. */
  ordinal: number | null;
  /** True when the label began with 其中. */
  subItem: boolean;
}

/** A parsed cell value. */
export interface ParsedValue {
  /** The number in the printed unit, or null for a blank/placeholder. */
  value: number | null;
  /** The unit printed with the number, if any (条, 件, 万元 …). */
  unit: string | null;
  /** The text as found. */
  raw: string;
  /** What the cell held. */
  kind: 'number' | 'blank' | 'placeholder' | 'text';
  /** Problems noticed while parsing (glued digits, ambiguous separators …). */
  issues: { code: Code; params: Params }[];
}
