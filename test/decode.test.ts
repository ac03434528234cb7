import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode, ParseError } from '../src/index.js';

const gb = (s: string): Uint8Array => {
  // GB18030 bytes for a few fixed strings (TextEncoder only writes UTF-8).
  const table: Record<string, number[]> = {
    统计: [0xcd, 0xb3, 0xbc, 0xc6],
    '€': [0xa2, 0xe3],
    '\u{20000}': [0x95, 0x32, 0x82, 0x36], // a 4-byte sequence
  };
  return new Uint8Array(table[s] ?? []);
};
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
};
const ascii = (s: string) => new TextEncoder().encode(s);

test('UTF-8 with and without BOM', () => {
  assert.equal(decode(cat(new Uint8Array([0xef, 0xbb, 0xbf]), ascii('统计 | 1 |'))).text, '统计 | 1 |');
  assert.is(decode(ascii('统计')).encoding, 'utf-8');
});

test('UTF-16 with BOM', () => {
  const s = '统计表';
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) (bytes[2 + i * 2] = s.charCodeAt(i) & 0xff), (bytes[3 + i * 2] = s.charCodeAt(i) >> 8);
  assert.equal([decode(bytes).text, decode(bytes).encoding], [s, 'utf-16le']);
});

test('GB18030 by <meta charset=gb2312>, including 4-byte sequences', () => {
  const html = cat(ascii('<html><head><meta charset="gb2312"></head><body><table><tr><td>'), gb('统计'), gb('\u{20000}'), ascii('</td></tr></table>'));
  const d = decode(html);
  assert.equal([d.encoding, d.kind], ['gb18030', 'html']);
  assert.ok(d.text.includes('统计\u{20000}'));
});

test('undeclared GB bytes fall back to GB18030; a wrong utf-8 declaration is overridden', () => {
  assert.equal(decode(cat(gb('统计'), ascii(' | 1 |'))).text, '统计 | 1 |');
  const lying = cat(ascii('<meta charset="utf-8"><table><tr><td>'), gb('统计'), ascii('</td></tr></table>'));
  assert.is(decode(lying).encoding, 'gb18030');
});

test('U+FFFD: bytes the declared encoding cannot decode, or replacement characters already in the file', () => {
  // 0xFF is no GB18030 lead byte: decoding replaces it
  const gbBad = decode(cat(ascii('<meta charset="gbk">'), gb('统计'), new Uint8Array([0xff, 0xff]), ascii('|1|')));
  const d1 = gbBad.diagnostics.find((d) => d.code === 'decode-replacement');
  assert.equal([d1?.actual, gbBad.encoding], [2, 'gb18030']);
  assert.match(d1?.message ?? '', /could not be decoded as gb18030/);
  // valid UTF-8 that holds U+FFFD: a scraper damaged it before saving; nothing was replaced here
  const scraped = decode(ascii('统计\uFFFD\uFFFD表 | 1 |'));
  const d2 = scraped.diagnostics.find((d) => d.code === 'decode-replacement');
  assert.equal([d2?.actual, scraped.encoding, scraped.text], [2, 'utf-8', '统计\uFFFD\uFFFD表 | 1 |']);
  assert.match(d2?.message ?? '', /in the file itself/);
});

test('unreadable input throws ParseError with a stable code', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof ParseError ? e.code : 'other';
    }
    return 'none';
  };
  assert.is(
    code(() => decode(new Uint8Array())),
    'input-empty',
  );
  assert.is(
    code(() => decode('  \n ')),
    'input-empty',
  );
  assert.is(
    code(() => decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))),
    'input-binary',
  );
  assert.is(
    code(() => decode(new Uint8Array(1000).fill(1))),
    'input-binary',
  );
  assert.is(
    code(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))),
    'input-unsupported',
  );
});

test.run();
