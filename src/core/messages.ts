// Sentences apart from codes: a diagnostic carries its code and its data
// (`params`); its words come from the message map of a language, in
// locales/. A map must word every code (the type says so, and a test).

import type { Code } from './codes.js';
import en, { checkWords as enCheck, markWords as enMark, reportWords as enReport } from './locales/en.js';
import zh, { checkWords as zhCheck, markWords as zhMark, reportWords as zhReport } from './locales/zh.js';

export type Param = string | number | boolean | null | (string | number)[];
export type Params = Record<string, Param>;

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a message may ask of the catalogue: the printed name of an indicator id in the message's language. */
export type NameOf = (id: string) => string;

/** The words of one code: a sentence from its data. */
export type MessageFn = (p: MessageInput) => string;
export type MessageMap = { readonly [C in Code]: MessageFn };

/** The data of a message, with helpers for lists and indicator names. */
export interface MessageInput {
  readonly p: Params;
  /** A parameter as text (a list joined by the language's separator). */
  s(key: string, limit?: number): string;
  /** A parameter as a number (0 when absent). */
  n(key: string): number;
  /** An indicator id parameter named in the language, when the catalogue is at hand; else the id. */
  id(key?: string): string;
}

const MAPS: Record<Language, MessageMap> = { en, zh };
const SEPARATOR: Record<Language, string> = { en: ', ', zh: '、' };

const identity: NameOf = (id) => id;

export function formatMessage(code: Code, params: Params = {}, lang: Language = 'en', nameOf: NameOf = identity): string {
  const sep = SEPARATOR[lang];
  const text = (v: Param | undefined, limit = Number.POSITIVE_INFINITY): string => {
    if (v === undefined || v === null) return '';
    if (Array.isArray(v)) return `${v.slice(0, limit).join(sep)}${v.length > limit ? `${sep}…` : ''}`;
    return String(v);
  };
  const input: MessageInput = {
    p: params,
    s: (key, limit) => text(params[key], limit),
    n: (key) => Number(params[key] ?? 0),
    id: (key = 'id') => {
      const v = params[key];
      return typeof v === 'string' ? nameOf(v) : text(v);
    },
  };
  return MAPS[lang][code](input);
}

/** `zh` for 'zh', 'zh_CN.UTF-8', 'zh-Hant' …; `en` for everything else. */
export function languageOf(tag: string | undefined | null): Language {
  return /^zh\b|^zh[-_]/i.test(tag ?? '') ? 'zh' : 'en';
}

export function messageMap(lang: Language): MessageMap {
  return MAPS[lang];
}

const WORDS = {
  en: { check: enCheck, report: enReport, mark: enMark },
  zh: { check: zhCheck, report: zhReport, mark: zhMark },
};

/** The words of a language beyond the codes: failed checks, the `check` report, the marked return. */
export function wordsOf(lang: Language): (typeof WORDS)[Language] {
  return WORDS[lang];
}
