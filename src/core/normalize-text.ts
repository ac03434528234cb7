// Stage: label text → a normalised key plus the structure (numbering level,
// 其中) stripped from it. Only labels pass through here, never whole pages.
// Every regular expression is linear: no nested quantifiers over shared
// characters, so 100,000-character cells cannot make them backtrack.

import { library } from './libraries.js';
import { kept } from './memo.js';
import traditional from './traditional.generated.json' with { type: 'json' };
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
const opencc = (): ((s: string) => string) => (converter ??= library('opencc').Converter({ from: 't', to: 'cn' }));

/**
 * Per UTF-16 code unit (scripts/bundle-opencc.mjs): CHANGES where OpenCC's t→cn dictionaries map that one
 * unit to another, STARTS_PAIR where a longer key that changes text starts with it (PAIRS holds its first two).
 */
const CHANGES = 1;
const STARTS_PAIR = 2;
const UNITS = new Uint8Array(0x10000);
const PAIRS = new Set<number>();
for (let i = 0; i < traditional.chars.length; i++) UNITS[traditional.chars.charCodeAt(i)] = CHANGES;
for (let i = 0; i + 1 < traditional.pairs.length; i += 2) {
  const first = traditional.pairs.charCodeAt(i);
  UNITS[first] = (UNITS[first] as number) | STARTS_PAIR;
  PAIRS.add(first * 0x10000 + traditional.pairs.charCodeAt(i + 1));
}

/** Whether OpenCC could change the text: a key that changes text starts somewhere in it (else OpenCC need not be loaded). */
export function mayConvert(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = UNITS[text.charCodeAt(i)] as number;
    if (u === 0) continue;
    if (u & CHANGES || PAIRS.has(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** Traditional → simplified with OpenCC's phrase table (反覆 → 反复): for labels, which are short. */
function toSimplified(text: string): string {
  // Text with no character OpenCC knows (most of it: reports are in simplified script) needs no dictionary.
  return mayConvert(text) ? opencc()(text) : text;
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
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // One character alone matches only keys of one character.
    if (((UNITS[code] as number) & CHANGES) === 0 || code < 0x3400 || code > 0x9fff) continue;
    const ch = text[i] as string;
    const to = kept(simplifiedChar, ch, () => opencc()(ch));
    if (to === ch) continue;
    (parts ??= []).push(text.slice(last, i), to);
    last = i + 1;
  }
  if (!parts) return text;
  parts.push(text.slice(last));
  return parts.join('');
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
