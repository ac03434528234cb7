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

/** Where the construct starting at `i` ends (exclusive): a comment, a raw-text element, or a tag. */
function skip(html: string, lower: string, i: number, name: string): number {
  if (html.startsWith('<!--', i)) {
    const e = html.indexOf('-->', i + 4);
    return e === -1 ? html.length : e + 3;
  }
  const close = html.indexOf('>', i + 1);
  const end = close === -1 ? html.length : close + 1;
  if (RAW_TEXT.includes(name) && name !== 'title') {
    const e = lower.indexOf(`</${name}`, end);
    if (e === -1) return html.length;
    const gt = html.indexOf('>', e);
    return gt === -1 ? html.length : gt + 1;
  }
  return end;
}

/** Line of a position, for positions asked in increasing order (each newline is counted once). */
function lineCounter(html: string, firstLine: number): (pos: number) => number {
  let line = firstLine;
  let counted = 0;
  return (pos) => {
    for (let k = html.indexOf('\n', counted); k !== -1 && k < pos; k = html.indexOf('\n', k + 1)) line++;
    counted = pos;
    return line;
  };
}

/** Tables nested deeper than this inside one another are no statistics table: the region is cut there. */
const MAX_TABLE_NESTING = 32;

/**
 * The outermost <table>…</table> regions, in document order (an unclosed table runs to the end). A region whose
 * tables nest deeper than MAX_TABLE_NESTING ends where they do, marked `cut`: parsing 10^5 nested tables would
 * take minutes, and no report nests more than a few.
 */
export function tableRegions(html: string): Region[] {
  const lower = html.toLowerCase();
  const out: Region[] = [];
  let depth = 0;
  let start = 0;
  let cut = false;
  const lineAt = lineCounter(html, 1);
  for (let i = html.indexOf('<'); i !== -1 && i < html.length; ) {
    const name = tagName(html, i);
    const next = skip(html, lower, i, name);
    if (name === 'table') {
      if (depth === 0) {
        start = i;
        cut = false;
      }
      depth++;
      if (depth === MAX_TABLE_NESTING + 1 && !cut) {
        out.push({ start, end: i, line: lineAt(start), cut: true });
        cut = true;
      }
    } else if (name === '/table' && depth > 0) {
      depth--;
      if (depth === 0 && !cut) out.push({ start, end: next, line: lineAt(start) });
    }
    i = html.indexOf('<', next);
  }
  if (depth > 0 && !cut) out.push({ start, end: html.length, line: lineAt(start) });
  return out;
}

/** The start tags named in `names` (comments and raw text skipped), in order, each with its 1-based line counted from `firstLine`. */
export function startTags(html: string, names: ReadonlySet<string>, firstLine: number): { name: string; line: number }[] {
  const lower = html.toLowerCase();
  const out: { name: string; line: number }[] = [];
  const lineAt = lineCounter(html, firstLine);
  for (let i = html.indexOf('<'); i !== -1 && i < html.length; ) {
    const name = tagName(html, i);
    const next = skip(html, lower, i, name);
    if (names.has(name)) out.push({ name, line: lineAt(i) });
    i = html.indexOf('<', next);
  }
  return out;
}

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

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Visible text: tags dropped, block elements as line breaks, entities decoded; tables kept or left out. */
export function visibleText(html: string, withTables: boolean): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let depth = 0;
  let pos = 0;
  const text = (to: number): void => {
    if (to > pos && (withTables || depth === 0)) parts.push(decodeEntities(html.slice(pos, to)));
  };
  for (let i = html.indexOf('<'); i !== -1; ) {
    text(i);
    const name = tagName(html, i);
    const next = skip(html, lower, i, name);
    if (name === 'table') depth++;
    else if (name === '/table' && depth > 0) depth--;
    const bare = name.startsWith('/') ? name.slice(1) : name;
    if (BLOCK.has(bare)) parts.push('\n');
    if (name === 'title') {
      // <title> text is visible to us (the page's name), though not rendered.
      const e = lower.indexOf('</title', next);
      parts.push(decodeEntities(html.slice(next, e === -1 ? html.length : e)), '\n');
      pos = e === -1 ? html.length : e;
      i = html.indexOf('<', pos);
      continue;
    }
    pos = next;
    i = html.indexOf('<', next);
  }
  text(html.length);
  return foldLines(parts.join(''));
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
