// Stage: who published the report, for which year, and when — from its title
// (绵阳市2017年政府信息公开工作年度报告), a 填报单位 line, a 发布日期 line, or
// the signature block at the end of the text (薛家岛街道办事处 / 2018年1月23日).
// Traditional script and ruby debris are read through; names are returned as
// printed, without the ruby glosses.

import { mapText } from './prose.js';
import { stripRuby, type Vocabulary } from '../core/normalize-text.js';

export interface Meta {
  title: string | null;
  agency: string | null;
  year: number | null;
  /** Publication or signature date, ISO YYYY-MM-DD. */
  date: string | null;
}

const TITLE = /^(?<agency>[^\s,，。:：]{2,40}?)(?:关于)?(?<year>(?:19|20)\d{2})年(?:度)?(?:的)?(?:政府信息公开|政务公开|信息公开)[^。,，]{0,14}?(?:报告|年报)$/;
const DATE_LINE = /^(?<y>(?:19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日$/;
const PUBLISHED = /(?:发布日期|发布时间|成文日期|发文日期)[:：]?\s*(?<y>(?:19|20)\d{2})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})/;
const FILED = /填报日期[:：]?\s*(?<y>(?:19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日/;
// An empty 填报单位 cell is followed at once by the next field (填报日期): that is no agency.
const FILER = /填报单位(?:\(盖章\))?[:：]\s*(?!填报|日期)(?<agency>[^|,，:：]{2,40}?)(?=填报|日期|\||$)/;
/** CMS page titles append the site or column after these: 「…年度报告_政府信息公开年报」. */
const TITLE_SUFFIX = /[_|－—]|\s-\s/;
const PERIOD_YEAR = /\((?<year>(?:19|20)\d{2})年度/;
const LEADING_YEAR = /(?<year>(?:19|20)\d{2})年(?!\d{1,2}月)/;
/** Endings of the names of offices that sign reports. */
const AGENCY_END = /(?:办事处|人民政府|政府|办公室|办公厅|管委会|管理委员会|委员会|局|厅|委|中心|街道|镇|乡|处|署|院|所|站|社)$/;

const iso = (y: string, m: string, d: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const clean = (s: string): string => stripRuby(s.normalize('NFKC')).replace(/\s+/g, '');

/** Metadata of a document's text (the decoded text, or an HTML page's visible text). */
export function readMeta(original: string, vocabulary: Vocabulary): Meta {
  const lines = original.split('\n');
  // Only lines that can hold a title, a 填报/发布 line or a signature are normalised: the first and last
  // lines and those naming a date or the filer. Others stay empty here.
  // Cheap tests on the raw line first: a title (a year and 报告/年报 near the top), a dated line, a filer line,
  // or the line above a date (a signature).
  const TITLE_RAW = /(?:19|20)\d{2}.{0,3}年.*(?:[报報]告|年[报報])/;
  const DATED = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|(?:19|20)\d{2}-\d{1,2}-\d{1,2}/;
  const FILER_RAW = /填[报報]|[发發]布|成文|日期/;
  const wanted = new Set<number>();
  lines.forEach((l, i) => {
    if (l.length > 200) return;
    if ((i < 60 && TITLE_RAW.test(l)) || FILER_RAW.test(l) || DATED.test(l)) {
      wanted.add(i);
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) wanted.add(j);
    }
  });
  const norm = lines.map((l, i) => (wanted.has(i) && l.length <= 200 ? mapText(l, vocabulary).text.replace(/\s+/g, '') : ''));
  let title: string | null = null;
  let agency: string | null = null;
  let year: number | null = null;
  let date: string | null = null;

  for (let i = 0; i < Math.min(lines.length, 60) && title === null; i++) {
    let m = TITLE.exec((norm[i] ?? '').split(TITLE_SUFFIX)[0] ?? '');
    let raw = lines[i] ?? '';
    // A title set on two lines (the agency above its year and 年度报告, as PDFs print it).
    const above = norm[i - 1] ?? '';
    if (!m && /^(?:19|20)\d{2}/.test(norm[i] ?? '') && above.length <= 30 && AGENCY_END.test(above)) {
      m = TITLE.exec(`${above}${norm[i]}`.split(TITLE_SUFFIX)[0] ?? '');
      raw = `${lines[i - 1] ?? ''}${raw}`;
    }
    if (!m?.groups) continue;
    title = clean(raw.split(TITLE_SUFFIX)[0] ?? '');
    year = Number(m.groups.year);
    // The agency as printed: the title up to its year.
    const printed = title;
    const cut = printed.indexOf(m.groups.year as string);
    agency = cut > 1 ? printed.slice(0, cut).replace(/关于$/, '') : null;
  }
  const whole = norm.join('\n');
  const published = PUBLISHED.exec(whole);
  if (published?.groups) date = iso(published.groups.y as string, published.groups.m as string, published.groups.d as string);
  if (agency === null) {
    const filer = norm.map((l, i) => [FILER.exec(l), i] as const).find(([m]) => m);
    if (filer?.[0]?.groups) agency = clean(filer[0].groups.agency as string);
  }
  // Signature block: an office's name on the line above a date.
  for (let i = norm.length - 1; i > 0; i--) {
    const m = DATE_LINE.exec(norm[i] ?? '');
    if (!m?.groups) continue;
    let j = i - 1;
    while (j > 0 && (norm[j] ?? '') === '') j--;
    const name = norm[j] ?? '';
    if (name.length > 30 || !AGENCY_END.test(name)) continue;
    agency ??= clean(lines[j] ?? '');
    date ??= iso(m.groups.y as string, m.groups.m as string, m.groups.d as string);
    break;
  }
  const filed = FILED.exec(whole);
  if (filed?.groups) date ??= iso(filed.groups.y as string, filed.groups.m as string, filed.groups.d as string);
  if (year === null) {
    const raw = original.slice(0, 20_000).normalize('NFKC');
    const period = PERIOD_YEAR.exec(raw);
    const leading = LEADING_YEAR.exec(raw.slice(0, 800));
    const y = period?.groups?.year ?? leading?.groups?.year;
    if (y) year = Number(y);
  }
  return { title, agency, year, date };
}
