// Stage: figures stated in the report's text (主动公开各类政府信息80条,
// 共受理依申请政府信息公开456件，其中：当面申请272件 …), mapped to catalogue ids by
// the patterns in templates/prose.json, each with the sentence it came from
// and its character span in the decoded text. Then each figure is compared
// with the table cell of the same id.

import type { FormEntry } from '../catalogue/index.js';
import type { ProsePatterns } from '../catalogue/schema.js';
import { diagnostic } from '../core/diagnostics.js';
import { stripRuby, toSimplifiedChars, type Vocabulary } from '../core/normalize-text.js';
import type { TableResult } from '../output/schema.js';
import type { Diagnostic } from '../core/types.js';
import { convertUnit, type UnitTable } from '../core/numbers.js';

export interface ProseRules {
  reject: string[];
  /** A number followed by a unit (templates/units.json): only sentences holding one are read. */
  figure: RegExp;
  patterns: { ids: Record<string, string>; re: RegExp; items: { ids: Record<string, string>; re: RegExp }[] }[];
}

/** Compile the prose patterns once (validated data from templates/prose.json). */
export function compileProse(parsed: ProsePatterns, units: readonly string[]): ProseRules {
  const alternatives = [...units].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    reject: parsed.reject,
    figure: new RegExp(`[0-9\\uff10-\\uff19][0-9\\uff10-\\uff19,.，]*\\s*(?:${alternatives.join('|')})`, 'g'),
    patterns: parsed.patterns.map((p) => ({ ids: p.ids, re: new RegExp(p.pattern, 'g'), items: p.items.map((i) => ({ ids: i.ids, re: new RegExp(i.pattern, 'g') })) })),
  };
}

/** Text normalised for matching, with each character's position in the original. */
export interface MappedText {
  text: string;
  /** map[i] = index in the original of normalised character i. */
  map: ArrayLike<number>;
}

/** NFKC, ruby removed, simplified script, same-length vocabulary: positions kept. */
export function mapText(original: string, vocabulary: Vocabulary): MappedText {
  let text = original.normalize('NFKC');
  let map: ArrayLike<number>;
  if (text.length === original.length) {
    // The common case: NFKC kept every position (full-width forms map one to one).
    const ident = new Int32Array(text.length);
    for (let i = 0; i < ident.length; i++) ident[i] = i;
    map = ident;
  } else {
    const parts: string[] = [];
    const m: number[] = [];
    for (let i = 0; i < original.length; i++) {
      const n = (original[i] as string).normalize('NFKC');
      parts.push(n);
      for (let k = 0; k < n.length; k++) m.push(i);
    }
    text = parts.join('');
    map = m;
  }
  // Ruby glosses: rebuild text and map without them.
  const noRuby = stripRuby(text);
  if (noRuby.length !== text.length) {
    const m: number[] = [];
    let j = 0;
    for (let i = 0; i < text.length && j < noRuby.length; i++) {
      if (text[i] === noRuby[j]) {
        m.push(map[i] as number);
        j++;
      }
    }
    text = noRuby;
    map = m;
  }
  // Spaces set between Han text and numbers (2024 年, 申请 17 件) are typography, not separators; between two
  // numbers a space stays (they are never read as one).
  const SPACED = /(?<=\p{Script=Han})[ \t\u3000]+(?=\d)|(?<=\d)[ \t\u3000]+(?=\p{Script=Han})/gu;
  if (SPACED.test(text)) {
    const m: number[] = [];
    let out = '';
    let last = 0;
    for (const hit of text.matchAll(SPACED)) {
      for (let i = last; i < (hit.index as number); i++) m.push(map[i] as number);
      out += text.slice(last, hit.index);
      last = (hit.index as number) + hit[0].length;
    }
    for (let i = last; i < text.length; i++) m.push(map[i] as number);
    text = out + text.slice(last);
    map = m;
  }
  const simplified = toSimplifiedChars(text);
  if (simplified.length === text.length) text = simplified;
  for (const [from, to] of Object.entries(vocabulary)) if (from.length === to.length && text.includes(from)) text = text.split(from).join(to);
  return { text, map };
}

const SENTENCE_BREAK = /[。\n]/;
const MAX_SENTENCE = 600;

/** The sentences of a text that state a figure, as [start, end) in the original. */
function figureSentences(original: string, figure: RegExp): [number, number][] {
  const out: [number, number][] = [];
  // Units in traditional script (條, 萬元) are found in the simplified text; it has the same offsets.
  for (const m of toSimplifiedChars(original).matchAll(figure)) {
    const at = m.index ?? 0;
    if (out.length > 0 && at < (out.at(-1) as [number, number])[1]) continue;
    let s = at;
    while (s > 0 && at - s < MAX_SENTENCE && !SENTENCE_BREAK.test(original[s - 1] as string)) s--;
    let e = at;
    while (e < original.length && e - at < MAX_SENTENCE && !SENTENCE_BREAK.test(original[e] as string)) e++;
    out.push([s, e]);
  }
  return out;
}

export interface ProseIndicator {
  id: string;
  value: number;
  unit: string | null;
  text: string;
  span: [number, number];
}

const SENTENCE_END = /[。\n]/;
const CLAUSE_END = /[,;。\n、]/;

function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !SENTENCE_END.test(text[s - 1] as string)) s--;
  let e = at;
  while (e < text.length && !SENTENCE_END.test(text[e] as string)) e++;
  return [s, e];
}

function clauseStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !CLAUSE_END.test(text[s - 1] as string)) s--;
  return s;
}

export interface ProseResult {
  indicators: ProseIndicator[];
  diagnostics: Diagnostic[];
}

/** Every figure of the form's catalogue stated in the text. */
const formUnits = new WeakMap<FormEntry, Map<string, string | null>>();
/** Each indicator's unit, by id: built once per form (a page's every figure looks one up). */
function unitsOf(form: FormEntry): Map<string, string | null> {
  let map = formUnits.get(form);
  if (!map) {
    map = new Map();
    for (const t of form.tables) for (const i of t.indicators) if (!map.has(i.id)) map.set(i.id, i.unit);
    formUnits.set(form, map);
  }
  return map;
}

export function readProse(original: string, form: FormEntry, rules: ProseRules, vocabulary: Vocabulary, units: UnitTable): ProseResult {
  const found: ProseIndicator[] = [];
  for (const [s, e] of figureSentences(original, rules.figure)) found.push(...readSentence(original.slice(s, e), s, form, rules, vocabulary, units));
  return settle(found);
}

/** The figures of one sentence; offsets are shifted by `base` into the whole text. */
function readSentence(original: string, base: number, form: FormEntry, rules: ProseRules, vocabulary: Vocabulary, units: UnitTable): ProseIndicator[] {
  const { text, map } = mapText(original, vocabulary);
  const found: ProseIndicator[] = [];
  const unitById = unitsOf(form);
  const unitOf = (id: string): string | null => unitById.get(id) ?? null;
  const accept = (id: string | undefined, m: RegExpExecArray, offset: number): void => {
    if (!id || m.groups?.n === undefined) return;
    const start = offset + m.index;
    const end = start + m[0].length;
    const clause = text.slice(clauseStart(text, start), end);
    if (rules.reject.some((w) => clause.includes(w))) return;
    let value = Number(m.groups.n);
    const unit = unitOf(id);
    const printed = m.groups.u;
    if (printed && unit && printed !== unit) {
      const converted = convertUnit(value, printed, unit, units);
      if (converted === null) return;
      value = converted;
    }
    const [s, e] = sentenceBounds(text, start);
    const o0 = map[s] ?? 0;
    const o1 = (map[Math.max(s, e - 1)] ?? o0) + 1;
    found.push({ id, value, unit, text: original.slice(o0, o1).trim(), span: [base + (map[start] ?? 0), base + (map[end - 1] ?? 0) + 1] });
  };
  const tops = rules.patterns.flatMap((p) => [...text.matchAll(p.re)].map((m) => ({ p, m })));
  tops.sort((a, b) => (a.m.index ?? 0) - (b.m.index ?? 0));
  tops.forEach(({ p, m }, k) => {
    accept(p.ids[form.form], m as RegExpExecArray, 0);
    // 其中 items: after the parent, to the end of its sentence or the next figure that is not an item.
    const from = (m.index ?? 0) + m[0].length;
    const [, sentenceEnd] = sentenceBounds(text, from);
    const nextTop = tops[k + 1]?.m.index ?? Infinity;
    const region = text.slice(from, Math.min(sentenceEnd, nextTop));
    for (const item of p.items) for (const im of region.matchAll(item.re)) accept(item.ids[form.form], im as RegExpExecArray, from);
  });
  return found;
}

/** The same id stated with two different values is ambiguous: neither is kept. */
function settle(found: ProseIndicator[]): ProseResult {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, ProseIndicator[]>();
  for (const f of found) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const indicators: ProseIndicator[] = [];
  for (const [id, all] of byId) {
    // A statement after 其中 in its sentence names a part (其中管委会1687条), not a rival of the total.
    const isPart = (f: ProseIndicator): boolean => {
      const at = f.text.indexOf('其中');
      return at >= 0 && at < f.text.indexOf(String(f.value).slice(0, 3));
    };
    const stated = all.some((f) => !isPart(f)) ? all.filter((f) => !isPart(f)) : all;
    // Sub-units' counts beside their sum (管委会1687条, 乡镇856条 … 共2543条): the sum is the figure.
    const total = Math.max(...stated.map((f) => f.value));
    const rest = stated.filter((f) => f.value !== total);
    const sumOfParts = Math.round(rest.reduce((s, f) => s + f.value, 0) * 1e6) / 1e6;
    const list = rest.length > 1 && sumOfParts === total ? stated.filter((f) => f.value === total) : stated;
    const values = new Set(list.map((f) => f.value));
    if (values.size === 1) indicators.push(list[0] as ProseIndicator);
    else diagnostics.push(diagnostic('prose-conflict', { id, values: [...values] }, { id, actual: [...values] }));
  }
  indicators.sort((a, b) => a.span[0] - b.span[0]);
  return { indicators, diagnostics };
}

export interface ProseCheck {
  rule: string;
  status: 'pass' | 'fail';
  expected: number;
  actual: number;
  ids: string[];
}

/**
 * Each prose figure against the table: the printed cell of the same id, or,
 * where that cell is blank or a header, the sum of its children (the text's
 * "613条 through all channels" is the channels' sum), or a computed subtotal.
 */
export function checkProse(prose: ProseIndicator[], tables: TableResult[], form: FormEntry): ProseCheck[] {
  const printed = new Map(tables.flatMap((t) => t.indicators.map((i) => [i.id, i.value] as const)));
  const virtual = new Map(tables.flatMap((t) => t.virtual.map((v) => [v.id, v.value] as const)));
  const parentOf = new Map(form.tables.flatMap((t) => t.indicators.map((i) => [i.id, i.parent] as const)));
  const checks: ProseCheck[] = [];
  for (const p of prose) {
    let expected = printed.get(p.id) ?? virtual.get(p.id) ?? null;
    let ids = [p.id];
    if (expected === null) {
      const children = [...printed].filter(([id, v]) => parentOf.get(id) === p.id && v !== null);
      if (children.length > 0) {
        expected = children.reduce((s, [, v]) => s + (v ?? 0), 0);
        ids = [p.id, ...children.map(([id]) => id)];
      }
    }
    if (expected === null) continue;
    checks.push({ rule: `prose:${p.id} = table`, status: expected === p.value ? 'pass' : 'fail', expected, actual: p.value, ids });
  }
  return checks;
}
