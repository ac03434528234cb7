// A linear scan of an HTML page that finds its <table> regions and its
// visible text without building a tree of the whole page: report pages are
// 50–150 KB of navigation, scripts and prose around a few KB of tables, and
// only the tables need a real parser (parse5, on each region alone).

export interface Region {
  /** Offsets of `<table` and just past its matching `</table>`. */
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** Its tables nested too deep: the region ends where they start nesting past the limit. */
  cut?: boolean;
}

const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'noscript'];

/** The tag name at `html[i] === '<'` (lower case, '/' kept for end tags), or '' for none. */
function tagName(html: string, i: number): string {
  let j = i + 1;
  if (html[j] === '/') j++;
  const s = j;
  while (j < html.length && j - s < 12) {
    const c = html.charCodeAt(j);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && j > s);
    if (!letter) break;
    j++;
  }
  return j === s ? '' : `${html[i + 1] === '/' ? '/' : ''}${html.slice(s, j).toLowerCase()}`;
}

/** Where `</name` next starts at or after `from` (tag name in any case), or -1. */
export function endTagAt(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i !== -1; i = html.indexOf('</', i + 2)) {
    let k = 0;
    while (k < name.length && (html.charCodeAt(i + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length) return i;
  }
  return -1;
}

/** Where the construct starting at `i` ends (exclusive): a comment, a raw-text element, or a tag. */
function skip(html: string, i: number, name: string): number {
  if (html.startsWith('<!--', i)) {
    const e = html.indexOf('-->', i + 4);
    return e === -1 ? html.length : e + 3;
  }
  const close = html.indexOf('>', i + 1);
  const end = close === -1 ? html.length : close + 1;
  if (RAW_TEXT.includes(name) && name !== 'title') {
    const e = endTagAt(html, name, end);
    if (e === -1) return html.length;
    const gt = html.indexOf('>', e);
    return gt === -1 ? html.length : gt + 1;
  }
  return end;
}

/** Line of a position, for positions asked in increasing order (each newline is counted once). */
export function lineCounter(html: string, firstLine: number): (pos: number) => number {
  let line = firstLine;
  // The next newline not yet counted, kept between calls: searching afresh from each position would rescan a
  // page of one long line to its end on every tag (quadratic).
  let next = html.indexOf('\n');
  return (pos) => {
    while (next !== -1 && next < pos) {
      line++;
      next = html.indexOf('\n', next + 1);
    }
    return line;
  };
}

/** Tables nested deeper than this inside one another are no statistics table: the region is cut there. */
const MAX_TABLE_NESTING = 32;

export interface StartTag {
  name: string;
  line: number;
}

/** The start tags named in `names` (comments and raw text skipped), in order, each with its 1-based line counted from `firstLine`. */
export function startTags(html: string, names: ReadonlySet<string>, firstLine: number): StartTag[] {
  const out: StartTag[] = [];
  const lineAt = lineCounter(html, firstLine);
  for (let i = html.indexOf('<'); i !== -1 && i < html.length; ) {
    const name = tagName(html, i);
    const next = skip(html, i, name);
    if (names.has(name)) out.push({ name, line: lineAt(i) });
    i = html.indexOf('<', next);
  }
  return out;
}

/** Elements whose start and end break a cell's text into lines (the cell readers: html.ts, html-table.ts). */
export const CELL_BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'ul',
  'ol',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'title',
]);

/** Elements that break the page's prose into lines. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'table', 'section', 'article', 'ul', 'ol', 'dt', 'dd', 'blockquote', 'pre', 'caption']);
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  divide: '÷',
  copy: '©',
  reg: '®',
  deg: '°',
  yen: '¥',
};

/** A full character reference: `&name;`, `&#123;` or `&#x7b;` (the group is what follows the '&'). */
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;

/** The code point a numeric reference's group (`#123`, `#x7b`) names. */
const codeOf = (e: string): number => (e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));

/** The entity table with the spaces as the characters they are (the prose reader folds them all to ' '). */
const EXACT: Record<string, string> = { ...ENTITIES, nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009' };

/**
 * Entities decoded as the HTML standard decodes them, or null where this table cannot say: a name it does
 * not hold, a reference without its semicolon, a numeric one the standard remaps (0, 0x80–0x9F, surrogates).
 */
export function decodeEntitiesExactly(s: string): string | null {
  if (!s.includes('&')) return s;
  // An '&' outside a full reference may still start one the standard reads (&nbsp without its semicolon).
  if (/&[#a-z0-9]/i.test(s.replace(ENTITY, ''))) return null;
  let unsure = false;
  const out = s.replace(ENTITY, (m, e: string) => {
    if (e[0] !== '#') {
      const named = EXACT[e]; // names are case-sensitive (&AMP; is not &amp;)
      if (named === undefined) unsure = true;
      return named ?? m;
    }
    const code = codeOf(e);
    if (code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) unsure = true;
    return unsure ? m : String.fromCodePoint(code);
  });
  return unsure ? null : out;
}

/** Entities decoded as far as the table knows them, names in any case; the rest left as printed (for the prose). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, e: string) => {
    if (e[0] === '#') {
      const code = codeOf(e);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * One pass over a page: its outermost <table>…</table> regions in document order (an unclosed table runs to
 * the end), and its visible text without them (tags dropped, block elements as line breaks, entities decoded,
 * <title> kept: it names the page). A region whose tables nest deeper than MAX_TABLE_NESTING ends where they do,
 * marked `cut`: parsing 10^5 nested tables would take minutes, and no report nests more than a few.
 */
export function scanPage(html: string): { regions: Region[]; prose: string } {
  const regions: Region[] = [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let cut = false;
  let pos = 0; // start of the text not yet taken
  const lineAt = lineCounter(html, 1);
  for (let i = html.indexOf('<'); i !== -1; ) {
    if (i > pos && depth === 0) parts.push(decodeEntities(html.slice(pos, i)));
    const name = tagName(html, i);
    const next = skip(html, i, name);
    if (name === 'table') {
      if (depth === 0) {
        start = i;
        cut = false;
      }
      depth++;
      if (depth === MAX_TABLE_NESTING + 1 && !cut) {
        regions.push({ start, end: i, line: lineAt(start), cut: true });
        cut = true;
      }
    } else if (name === '/table' && depth > 0) {
      depth--;
      if (depth === 0 && !cut) regions.push({ start, end: next, line: lineAt(start) });
    }
    if (BLOCK.has(name.startsWith('/') ? name.slice(1) : name)) parts.push('\n');
    if (name === 'title') {
      const e = endTagAt(html, 'title', next);
      parts.push(decodeEntities(html.slice(next, e === -1 ? html.length : e)), '\n');
      pos = e === -1 ? html.length : e;
    } else pos = next;
    i = html.indexOf('<', pos);
  }
  if (pos < html.length && depth === 0) parts.push(decodeEntities(html.slice(pos)));
  if (depth > 0 && !cut) regions.push({ start, end: html.length, line: lineAt(start) });
  return { regions, prose: foldLines(parts.join('')) };
}

/** Spaces (no-break and ideographic included) folded, lines trimmed, empty lines dropped. */
export function foldLines(text: string): string {
  return text
    .replace(/[\u00a0\u3000]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
