// Legacy .xls/.et workbooks (BIFF records in a compound document) are read
// for their cells' cached values; a formula's own tokens are never needed.
// SheetJS parses them anyway, and on a damaged token list its parser loops
// without end while its list grows until memory runs out (found by fuzzing).
// So the token lengths of formula records are blanked before SheetJS reads
// the file: FORMULA gets 0xFFFF ("no tokens"), SHRFMLA and ARRAY get 0.
// The edited Workbook stream is handed to SheetJS on its own (it reads a bare
// BIFF stream that starts with its BOF record), saving a rewrite of the
// compound document; the document's other streams hold nothing we read.

import type * as XLSX from 'xlsx';
import { library } from '../core/libraries.js';

const FORMULA = 0x0006;
const SHRFMLA = 0x04bc;
const ARRAY = 0x0221;
const FILEPASS = 0x002f;
const BOF = 0x0809;
/** A record type no BIFF version defines: SheetJS skips it (a formula record too short to hold one becomes this). */
const SKIPPED = 0x7fff;

/**
 * Records that serve only formulas, skipped whole: defined names (Lbl, 0x0018
 * and BIFF3/4's 0x0218; print areas and the like), external references
 * (ExternSheet 0x0017, SupBook 0x01AE, ExternName 0x0023/0x0223), and the
 * formula and array records of BIFF2–4 (0x0206, 0x0406, 0x0021), which have no
 * place in the BIFF5/8 stream of a compound document but which SheetJS would
 * parse. Fuzzing found SheetJS looping on damaged Lbl and ExternSheet records.
 */
const SKIPPED_TYPES = new Set([0x0018, 0x0218, 0x0017, 0x01ae, 0x0023, 0x0223, 0x0206, 0x0406, 0x0021, 0x0004, 0x0007]);
// (0x0004 and 0x0007 are BIFF2's LABEL and STRING, equally out of place: fuzzing found SheetJS reading a
// short one past its end, where its string loop never meets its count and grows an array for 30 s.)

/** Text records skipped when shorter than their fixed fields and count (LABEL, STRING, LABELSST): the same loop. */
const MIN_LENGTH: Record<number, number> = { 516: 8, 519: 2, 253: 10 };

/** Offset of the token length inside each record's data, and what to write there. */
const TOKENS: Record<number, { at: number; value: number }> = {
  [FORMULA]: { at: 20, value: 0xffff },
  [SHRFMLA]: { at: 8, value: 0 },
  [ARRAY]: { at: 12, value: 0 },
};

/**
 * The workbook's bare Workbook stream with formula tokens blanked; the same
 * bytes when the document cannot be opened, has no such stream, or is
 * encrypted (SheetJS then reports or reads it). Throws when the stream is
 * damaged past reading.
 */
export function withoutFormulaTokens(bytes: Uint8Array): Uint8Array {
  let cfb: ReturnType<typeof XLSX.CFB.read>;
  try {
    cfb = library('xlsx').CFB.read(bytes, { type: 'array' });
  } catch {
    return bytes; // the workbook reader reports the damage
  }
  const entry = library('xlsx').CFB.find(cfb, 'Workbook') ?? library('xlsx').CFB.find(cfb, 'Book');
  const content = entry?.content as Uint8Array | undefined;
  if (!entry || !content) return bytes;
  const data = Uint8Array.from(content);
  for (let p = 0; p + 4 <= data.length; ) {
    const type = (data[p] as number) | ((data[p + 1] as number) << 8);
    const len = (data[p + 2] as number) | ((data[p + 3] as number) << 8);
    if (type === FILEPASS) return bytes; // encrypted: leave the bytes as they are
    const t = TOKENS[type];
    // A formula record too short for its own fields would make SheetJS read on into the next record: skipped too.
    const fits = t !== undefined && len >= t.at + 2 && p + 4 + len <= data.length;
    const short = len < (MIN_LENGTH[type] ?? 0);
    if (SKIPPED_TYPES.has(type) || (t && !fits) || short) {
      data[p] = SKIPPED & 0xff;
      data[p + 1] = SKIPPED >> 8;
    } else if (t) {
      data[p + 4 + t.at] = t.value & 0xff;
      data[p + 5 + t.at] = t.value >> 8;
    }
    p += 4 + len;
  }
  // Every BIFF5/8 Workbook stream opens with its BOF record. Without one it is damaged past reading (and
  // rewriting the document, the alternative, made SheetJS's compound-document writer loop on such a file).
  if (data[0] !== (BOF & 0xff) || data[1] !== BOF >> 8) throw new Error('its Workbook stream does not begin with a BOF record');
  // The bare stream also spares SheetJS a second reading of the compound document.
  return data;
}
