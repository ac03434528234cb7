// Stage: label text → a normalised key plus the structure (numbering level,
// 其中) stripped from it. Only labels pass through here, never whole pages.
// Every regular expression is linear: no nested quantifiers over shared
// characters, so 100,000-character cells cannot make them backtrack.

import * as OpenCC from 'opencc-js';
import type { NormalizedLabel } from './types.js';

const RUBY = /\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]){1,7}\)/g;
const HAN_NUMERALS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Remove pinyin ruby glosses such as `領(lǐng)導(dǎo)` or `政(zheng)(zheng)`. Applied after NFKC (ASCII parentheses). */
export function stripRuby(text: string): string {
  if (!text.includes('(')) return text;
  // A gloss follows a Han character (or another gloss, when doubled).
  return text.replace(RUBY, (m, offset: number, whole: string) => {
    const prev = whole.charCodeAt(offset - 1);
    const afterHan = prev >= 0x3400 && prev <= 0x9fff;
    const afterGloss = whole[offset - 1] === ')';
    return afterHan || afterGloss ? '' : m;
  });
}

// Runs twice for doubled glosses: `府(fu)(fu)` loses the second gloss on the second pass.
function stripRubyFully(text: string): string {
  let prev = text;
  for (let i = 0; i < 3; i++) {
    const next = stripRuby(prev);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

let converter: ((s: string) => string) | null = null;
const opencc = (): ((s: string) => string) => (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));

/** Traditional → simplified with OpenCC's phrase table (反覆 → 反复): for labels, which are short. */
function toSimplified(text: string): string {
  // Pure ASCII/punctuation needs no conversion; skip building the dictionary.
  return /[\u3400-\u9fff]/.test(text) ? opencc()(text) : text;
}

/** Each Han character's simplified form, asked of OpenCC once and kept. */
const simplifiedChar = new Map<string, string>();

/**
 * Traditional → simplified character by character, each character converted
 * once and cached: for running text (prose, units), where a dictionary walk
 * per call would cost more than the phrases it would catch.
 */
export function toSimplifiedChars(text: string): string {
  let parts: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) {
      parts?.push(ch);
      continue;
    }
    const cached = simplifiedChar.get(ch);
    const to: string = cached ?? opencc()(ch);
    if (cached === undefined) simplifiedChar.set(ch, to);
    if (parts) parts.push(to);
    else if (to !== ch) parts = [text.slice(0, i), to];
  }
  return parts ? parts.join('') : text;
}

export interface Vocabulary {
  /** Simplified-script word → mainland word (档案 → 文件, 资讯 → 信息). */
  [from: string]: string;
}

function applyVocabulary(text: string, vocabulary: Vocabulary): string {
  let out = text;
  for (const [from, to] of Object.entries(vocabulary)) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** NFKC, ruby removed, whitespace removed, simplified script, vocabulary applied. */
export function normalizeText(raw: string, vocabulary: Vocabulary = {}): string {
  const circledFree = raw.replace(/[\u2460-\u2473]/g, (c) => `${c.charCodeAt(0) - 0x2460 + 1}.`); // ① → "1." not NFKC's bare "1"
  const nfkc = circledFree.normalize('NFKC');
  const noRuby = stripRubyFully(nfkc);
  const compact = noRuby.replace(/[\s\u200b-\u200d\ufeff]+/g, '');
  return applyVocabulary(toSimplified(compact), vocabulary);
}

function hanNumber(s: string): number | null {
  if (s === '十') return 10;
  let total = 0;
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    total = (tens ? (HAN_NUMERALS[tens] ?? NaN) : 1) * 10 + (ones ? (HAN_NUMERALS[ones] ?? NaN) : 0);
  } else {
    total = HAN_NUMERALS[s] ?? NaN;
  }
  return Number.isFinite(total) ? total : null;
}

const NUMBERING: { re: RegExp; level: number; han: boolean }[] = [
  { re: /^([一二三四五六七八九十]{1,3})[、.,:]/, level: 1, han: true },
  { re: /^\(([一二三四五六七八九十]{1,3})\)[、.,:]?/, level: 2, han: true },
  { re: /^(\d{1,2})(?:[、.,:](?!\d)|\)(?!\d))/, level: 3, han: false },
  { re: /^\((\d{1,2})\)[、.,:]?/, level: 4, han: false },
];

const SUB_ITEM = /^其中[:、,]?/;

/** Strip numbering and 其中, returning the level and ordinal they carried. */
export function splitNumbering(text: string): { rest: string; level: number; ordinal: number | null; subItem: boolean } {
  let rest = text;
  let subItem = false;
  if (SUB_ITEM.test(rest)) {
    subItem = true;
    rest = rest.replace(SUB_ITEM, '');
  }
  let level = 0;
  let ordinal: number | null = null;
  for (const n of NUMBERING) {
    const m = n.re.exec(rest);
    if (!m?.[1]) continue;
    level = n.level;
    ordinal = n.han ? hanNumber(m[1]) : Number(m[1]);
    rest = rest.slice(m[0].length);
    break;
  }
  if (!subItem && SUB_ITEM.test(rest)) {
    subItem = true;
    rest = rest.replace(SUB_ITEM, '');
  }
  return { rest, level, ordinal, subItem };
}

/** Remove parenthetical notes, closed or cut off at the end: `数(不同渠道…计1条)` → `数`. */
export function stripNotes(text: string): string {
  let out = text;
  // Innermost first, so nested notes go too; bounded by the number of parentheses.
  for (let i = 0; i < 4 && out.includes('('); i++) out = out.replace(/\([^()]*\)/g, '');
  return out.replace(/\([^()]*$/, '');
}

/** The matching key: notes (unless kept), punctuation and a trailing 数 removed. */
export function labelKey(text: string, keepNotes = false): string {
  const bare = (keepNotes ? text : stripNotes(text)).replace(/[^\p{L}\p{N}]/gu, '');
  return bare.length > 1 && bare.endsWith('数') ? bare.slice(0, -1) : bare;
}

/** Normalise a row label for matching. */
export function normalizeLabel(raw: string, vocabulary: Vocabulary = {}): NormalizedLabel {
  const text = normalizeText(raw, vocabulary);
  const { rest, level, ordinal, subItem } = splitNumbering(text);
  return { raw, text, key: labelKey(rest), noteKey: labelKey(rest, true), level, ordinal, subItem };
}
