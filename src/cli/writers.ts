// Where `convert` streams its documents: JSON, JSONL, CSV (long or wide), a
// workbook, SQLite or Parquet. Each writer writes through a temporary file
// renamed into place on commit, so an interrupted run leaves nothing at the
// output path; all but the workbook keep memory flat however many files.

import { createRequire } from 'node:module';
import { defaultCatalogue } from '../catalogue/index.js';
import { DICTIONARY_HEADER, dictionaryRows, WIDE_FIELDS, WIDE_LABELS, wideIds, wideRows } from '../output/dataset.js';
import { CHECK_HEADER, CSV_HEADER, csvLines, DIAGNOSTIC_HEADER, sourceName, toCheckRows, toCsvRows, toDiagnosticRows } from '../output/formats.js';
import type { ReportResult } from '../output/schema.js';
import { tablesWorkbook, workbookBytes } from '../output/workbook.js';
import { UsageError } from './context.js';
import { AtomicFile, OutputError } from './io.js';

export interface Writer {
  /** One document, as the JSON text a worker made of it. */
  add(json: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

type Row = (string | number | null)[];

export const CONVERT_EXTENSIONS = ['.jsonl', '.json', '.csv', '.xlsx', '.sqlite', '.parquet'] as const;

/** Rows a Parquet row group holds before it is written (memory stays bounded by it). */
const PARQUET_GROUP = 20_000;

export async function writerFor(out: string, wide: boolean): Promise<Writer> {
  const lower = out.toLowerCase();
  const kind = CONVERT_EXTENSIONS.find((e) => lower.endsWith(e) || (e === '.sqlite' && /\.(db|sqlite3)$/.test(lower)));
  if (!kind) throw new UsageError(`--out must end in ${CONVERT_EXTENSIONS.join(', ')}`);
  if (wide && !['.csv', '.xlsx', '.parquet'].includes(kind)) throw new UsageError('--wide writes .csv, .xlsx or .parquet');
  if (kind === '.sqlite') return sqliteWriter(out);
  if (kind === '.parquet') return parquetWriter(out, wide);
  const file = await AtomicFile.create(out);
  const catalogue = defaultCatalogue();
  const ids = wideIds(catalogue);
  const wideHeader = [
    [...WIDE_FIELDS, ...ids.map((i) => i.id)],
    [...WIDE_LABELS, ...ids.map((i) => i.label)],
  ];
  if (kind === '.xlsx') {
    // A workbook cannot be streamed: its rows are kept until the end.
    const sheets: Record<string, Row[]> = wide ? { wide: [...wideHeader] } : { indicators: [[...CSV_HEADER]], checks: [[...CHECK_HEADER]], diagnostics: [[...DIAGNOSTIC_HEADER]] };
    return {
      add: async (json) => {
        const doc = JSON.parse(json) as ReportResult;
        if (wide)
          sheets.wide?.push(
            ...wideRows(
              doc,
              ids.map((i) => i.id),
            ),
          );
        else {
          sheets.indicators?.push(...toCsvRows(doc, catalogue));
          sheets.checks?.push(...toCheckRows(doc));
          sheets.diagnostics?.push(...toDiagnosticRows(doc));
        }
      },
      commit: async () => {
        await file.write(workbookBytes(tablesWorkbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })))));
        await file.commit();
      },
      abort: () => file.abort(),
    };
  }
  let first = true;
  if (kind === '.json') await file.write('[\n');
  // Two header rows in the wide CSV: the ids, then the catalogue's Chinese labels.
  if (kind === '.csv') await file.write(`\uFEFF${csvLines(wide ? wideHeader : [[...CSV_HEADER]])}`);
  return {
    add: async (json) => {
      if (kind === '.json') await file.write(`${first ? '' : ',\n'}${json}`);
      else if (kind === '.jsonl') await file.write(`${json}\n`);
      else {
        const doc = JSON.parse(json) as ReportResult;
        await file.write(
          csvLines(
            wide
              ? wideRows(
                  doc,
                  ids.map((i) => i.id),
                )
              : toCsvRows(doc, catalogue),
          ),
        );
      }
      first = false;
    },
    commit: async () => {
      if (kind === '.json') await file.write('\n]\n');
      await file.commit();
    },
    abort: () => file.abort(),
  };
}

const SCHEMA = `
CREATE TABLE reports (report INTEGER PRIMARY KEY, source TEXT, kind TEXT, encoding TEXT, agency TEXT, year INTEGER, title TEXT, date TEXT, form TEXT, status TEXT, tables INTEGER, checks_failed INTEGER);
CREATE TABLE indicators (report INTEGER NOT NULL REFERENCES reports(report), table_no INTEGER, form TEXT, table_name TEXT, variant TEXT, column_label TEXT, column_kind TEXT, id TEXT NOT NULL, value REAL, unit TEXT, raw TEXT, label TEXT, row INTEGER, col INTEGER, line INTEGER, sheet TEXT, ref TEXT, page INTEGER);
CREATE TABLE checks (report INTEGER NOT NULL REFERENCES reports(report), table_no INTEGER, form TEXT, table_name TEXT, column_kind TEXT, rule TEXT, kind TEXT, strength TEXT, status TEXT, expected REAL, actual REAL, ids TEXT);
CREATE TABLE diagnostics (report INTEGER NOT NULL REFERENCES reports(report), table_no INTEGER, code TEXT, severity TEXT, id TEXT, message TEXT, row INTEGER, col INTEGER, line INTEGER, ref TEXT, page INTEGER);
CREATE TABLE catalogue (${DICTIONARY_HEADER.map((h) => `"${h}" TEXT`).join(', ')});
`;
const INDEXES = `
CREATE INDEX indicators_id ON indicators(id, column_kind);
CREATE INDEX indicators_report ON indicators(report);
CREATE INDEX reports_agency_year ON reports(agency, year);
CREATE INDEX checks_report ON checks(report, status);
CREATE INDEX diagnostics_code ON diagnostics(code);
`;

/** SQLite through better-sqlite3 (an optional dependency: it builds a native module). */
async function sqliteWriter(out: string): Promise<Writer> {
  type Db = {
    exec(sql: string): void;
    prepare(sql: string): { run(...a: unknown[]): { lastInsertRowid: number | bigint } };
    transaction<T extends unknown[]>(f: (...a: T) => void): (...a: T) => void;
    close(): void;
  };
  let Database: new (path: string) => Db;
  try {
    Database = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  } catch (e) {
    throw new OutputError(out, Object.assign(new Error('better-sqlite3 is not installed'), { cause: e }), { what: 'sqlite' });
  }
  const file = await AtomicFile.create(out);
  // The database is written at the temporary path and renamed into place on commit.
  await file.closeForReplace();
  const db = new Database(file.temporaryPath);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
  db.exec(SCHEMA);
  const cat = db.prepare(`INSERT INTO catalogue VALUES (${DICTIONARY_HEADER.map(() => '?').join(', ')})`);
  for (const r of dictionaryRows(defaultCatalogue())) cat.run(...r);
  const report = db.prepare('INSERT INTO reports (source, kind, encoding, agency, year, title, date, form, status, tables, checks_failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const indicator = db.prepare('INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const check = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const diag = db.prepare('INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insert = db.transaction((doc: ReportResult) => {
    const failed = doc.tables.reduce((n, t) => n + t.checks.filter((c) => c.status === 'fail').length, 0);
    const forms = [...new Set(doc.tables.map((t) => t.form))].join('+') || null;
    const id = Number(
      report.run(
        sourceName(doc),
        doc.input.kind,
        doc.input.encoding,
        doc.meta.agency,
        doc.meta.year,
        doc.meta.title,
        doc.meta.date,
        forms,
        doc.tables.length > 0 ? 'tables' : 'no-table',
        doc.tables.length,
        failed,
      ).lastInsertRowid,
    );
    const diagnostics = (table: number | null, ds: ReportResult['diagnostics']): void => {
      for (const d of ds) diag.run(id, table, d.code, d.severity, d.id ?? null, d.message, d.cell?.row ?? null, d.cell?.col ?? null, d.cell?.line ?? null, d.cell?.ref ?? null, d.cell?.page ?? null);
    };
    doc.tables.forEach((t, k) => {
      for (const i of t.indicators)
        indicator.run(
          id,
          k,
          t.form,
          t.table,
          t.variant,
          t.column.label,
          t.column.kind,
          i.id,
          i.value,
          i.unit,
          i.raw,
          i.label,
          i.cell.row ?? null,
          i.cell.col ?? null,
          i.cell.line ?? null,
          i.cell.sheet ?? null,
          i.cell.ref ?? null,
          i.cell.page ?? null,
        );
      for (const c of t.checks) check.run(id, k, t.form, t.table, t.column.kind, c.rule, c.kind, c.strength, c.status, c.expected, c.actual, c.ids.join(' '));
      diagnostics(k, t.diagnostics);
    });
    diagnostics(null, doc.diagnostics);
  });
  return {
    add: async (json) => insert(JSON.parse(json) as ReportResult),
    commit: async () => {
      db.exec(INDEXES);
      db.close();
      await file.commit();
    },
    abort: async () => {
      db.close();
      await file.abort();
    },
  };
}

/** Parquet through hyparquet-writer, a row group at a time: the long shape, or the wide one. */
async function parquetWriter(out: string, wide: boolean): Promise<Writer> {
  const { ParquetWriter } = await import('hyparquet-writer');
  const file = await AtomicFile.create(out);
  const catalogue = defaultCatalogue();
  const ids = wideIds(catalogue).map((i) => i.id);
  const columns: { name: string; type: 'STRING' | 'DOUBLE' | 'INT32' }[] = wide
    ? [
        ...WIDE_FIELDS.map((name) => ({ name, type: name === 'year' || name === 'checks_failed' ? ('INT32' as const) : ('STRING' as const) })),
        ...ids.map((name) => ({ name, type: 'DOUBLE' as const })),
      ]
    : CSV_HEADER.map((name) => ({ name, type: ['value'].includes(name) ? ('DOUBLE' as const) : ['row', 'col', 'year', 'page', 'line'].includes(name) ? ('INT32' as const) : ('STRING' as const) }));
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) =>
      c.type === 'STRING'
        ? { name: c.name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const }
        : { name: c.name, type: c.type, repetition_type: 'OPTIONAL' as const },
    ),
  ];
  // The writer gets its bytes handed over a chunk at a time; they go to the temporary file in order.
  const chunks: Uint8Array[] = [];
  const { ByteWriter } = await import('hyparquet-writer');
  const bytes = new ByteWriter();
  const writer = new ParquetWriter({ writer: bytes, schema, createdBy: 'zfxxgk' });
  let pending: Row[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const data = pending;
    pending = [];
    await writer.write({ columnData: columns.map((c, k) => ({ name: c.name, data: data.map((r) => (r[k] === undefined ? null : r[k])) })), rowGroupSize: data.length });
    chunks.push(new Uint8Array(bytes.buffer, 0, bytes.index).slice());
    bytes.index = 0;
    for (const c of chunks.splice(0)) await file.write(c);
  };
  return {
    add: async (json) => {
      const doc = JSON.parse(json) as ReportResult;
      const rows = wide ? wideRows(doc, ids) : toCsvRows(doc, catalogue);
      for (const r of rows) pending.push(r.map((v, k) => (columns[k]?.type === 'STRING' ? (v === null ? null : String(v)) : v === null || v === '' ? null : Number(v))));
      if (pending.length >= PARQUET_GROUP) await flush();
    },
    commit: async () => {
      await flush();
      writer.finish();
      await file.write(new Uint8Array(bytes.buffer, 0, bytes.index).slice());
      await file.commit();
    },
    abort: () => file.abort(),
  };
}
