// Stage: cell text → number, printed unit, or blank/placeholder. Units and
// placeholders are data (templates/units.json); the parser only knows shapes.

import { stripRuby, toSimplifiedChars } from './normalize-text.js';
import type { ParsedValue } from './types.js';

export interface UnitTable {
  /** Units that may follow a number, e.g. 条, 件, 人次, 万元. */
  units: string[];
  /** Cell texts that mean "nothing to report": —, -, /, 无 … */
  placeholders: string[];
  /** Exact conversions from a printed unit to a catalogue unit, as a power of ten: 元 → 万元 is -4. */
  conversions: { from: string; to: string; exponent: number }[];
  /** Integers with more digits than this, in a count, are flagged as possibly glued. */
  maxCountDigits: number;
  /** Units that are amounts of money rather than counts. */
  moneyUnits: string[];
}

const NUMBER = /^([+-]?)(\d+(?:,\d{3})*)(?:\.(\d+))?$/;

// Units may be printed in traditional script (萬元, 個, 條): simplify before splitting. `nfkc` is the text under NFKC.
function compact(nfkc: string): string {
  return toSimplifiedChars(stripRuby(nfkc).replace(/[\s\u200b-\u200d\ufeff]+/g, ''));
}

/** Digits 0-9 in a text, and (when `fullWidth`) ０-９ too. */
function digitCount(text: string, fullWidth: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (fullWidth && c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** Split `24条` into `24` and `条`, taking the longest unit that ends the text. */
function splitUnit(text: string, units: string[]): { number: string; unit: string | null } {
  let best: string | null = null;
  for (const u of units) if (text.endsWith(u) && (best === null || u.length > best.length)) best = u;
  return best === null ? { number: text, unit: null } : { number: text.slice(0, -best.length), unit: best };
}

/** Parse one value cell. Never throws; problems are listed in `issues`. */
const PLAIN = /^\d{1,7}$/;

export function parseValue(raw: string, table: UnitTable): ParsedValue {
  // Most cells are short plain integers: nothing to normalise, no unit, no issue.
  if (raw.length <= table.maxCountDigits && PLAIN.test(raw)) return { value: Number(raw), unit: null, raw, kind: 'number', issues: [] };
  const issues: ParsedValue['issues'] = [];
  // Two numbers in one cell (21 0: cells run together, or a PDF column read as one) are never read as one number.
  if (/[0-9０-９][\s\u3000]+[0-9０-９]/.test(raw)) {
    issues.push({ code: 'value-two-numbers', params: { raw: shorten(raw) } });
    return { value: null, unit: null, raw, kind: 'text', issues };
  }
  // Superscripts, circled and other look-alike digits (², ①) become digits under NFKC; they are marks, not a value.
  // NFKC gives each digit (0-9, ０-９) one digit: more digits after it means such marks.
  const nfkc = raw.normalize('NFKC');
  if (digitCount(nfkc, false) > digitCount(raw, true)) {
    const marks = [...raw].filter((c) => !/[0-9０-９]/.test(c) && /\d/.test(c.normalize('NFKC')));
    issues.push({ code: 'value-not-a-number', params: { raw: shorten(raw), marks: marks.join('') } });
    return { value: null, unit: null, raw, kind: 'text', issues };
  }
  const text = compact(nfkc);
  if (text === '') return { value: null, unit: null, raw, kind: 'blank', issues };
  if (table.placeholders.includes(text) || /^[-—―─_/\\]+$/.test(text)) return { value: null, unit: null, raw, kind: 'placeholder', issues };
  const split = splitUnit(text, table.units);
  const unit = split.unit;
  // 增1423 / 减8: a change printed with words for its sign (本年增/减).
  const number = split.number.replace(/^(?:增加?|减少?)(?=\d)/, (w) => (w.startsWith('增') ? '+' : '-'));
  const m = NUMBER.exec(number);
  if (!m) {
    if (/^[+-]?\d+,\d+(?:\.\d+)?$/.test(number)) {
      issues.push({ code: 'value-ambiguous-separator', params: { raw } });
    } else {
      issues.push({ code: 'value-not-a-number', params: { raw: shorten(raw) } });
    }
    return { value: null, unit, raw, kind: 'text', issues };
  }
  const [, sign = '', intPart = '', frac] = m;
  const digits = intPart.replace(/,/g, '');
  const value = Number(`${sign}${digits}${frac === undefined ? '' : `.${frac}`}`);
  if (!Number.isFinite(value) || (frac === undefined && !Number.isSafeInteger(value))) {
    issues.push({ code: 'value-glued-digits', params: { what: 'unsafe', raw: shorten(raw), digits: digits.length } });
    return { value: null, unit, raw, kind: 'text', issues };
  }
  const money = unit !== null && table.moneyUnits.includes(unit);
  if (!money && digits.replace(/^0+(?=\d)/, '').length > table.maxCountDigits) {
    issues.push({ code: 'value-glued-digits', params: { raw: digits, digits: digits.length } });
  }
  return { value: Object.is(value, -0) ? 0 : value, unit, raw, kind: 'number', issues };
}

/** Multiply by a power of ten without binary rounding noise (251000 元 → 25.1 万元). */
export function scaleDecimal(value: number, exponent: number): number {
  const s = String(value);
  return s.includes('e') ? value * 10 ** exponent : Number(`${s}e${exponent}`);
}

/** Convert a value from the printed unit to the catalogue unit, when an exact conversion exists. */
export function convertUnit(value: number, from: string, to: string, table: UnitTable): number | null {
  if (from === to) return value;
  const c = table.conversions.find((x) => x.from === from && x.to === to);
  return c ? scaleDecimal(value, c.exponent) : null;
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
