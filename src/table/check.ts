// Stage: the catalogue's identities evaluated on one table's values. Blank
// cells count as 0, but a blank total whose parts are not all zero is also
// reported, since a blank total is sometimes just missing (FORMS.md §7).
// Virtual subtotals (不予公开 = Σ 1–8 …) that the table does not print are
// computed here and returned apart from the printed values.

import type { IdentityEntry, IndicatorEntry } from '../catalogue/index.js';
import { diagnostic } from '../core/diagnostics.js';
import { kept } from '../core/memo.js';
import type { IndicatorValue } from './indicator-value.js';
import type { Diagnostic, Location } from '../core/types.js';

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckResult {
  rule: string;
  kind: 'sum' | 'at-most';
  strength: IdentityEntry['strength'];
  status: CheckStatus;
  /** Σ right: the sum of the parts, or the bound. */
  expected: number | null;
  /** Σ left: the total as printed (blank counted as 0). */
  actual: number | null;
  ids: string[];
  /** The cells involved, left side first. */
  cells: (Location & { id: string })[];
  /** Why a check was skipped. */
  reason?: string;
}

/** A subtotal the form does not print, computed from its parts. */
export interface VirtualValue {
  id: string;
  value: number;
  unit: string | null;
  from: string[];
}

export interface CheckOutcome {
  checks: CheckResult[];
  virtual: VirtualValue[];
  diagnostics: Diagnostic[];
}

// Sums of decimals (万元) carry binary noise; compare at a fixed precision.
const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const sum = (vs: (IndicatorValue | undefined)[]): number => round(vs.reduce((s, v) => s + (v?.value ?? 0), 0));

function evaluate(idn: IdentityEntry, byId: Map<string, IndicatorValue>, diagnostics: Diagnostic[]): CheckResult {
  const ids = [...idn.left, ...idn.right];
  const cells: CheckResult['cells'] = [];
  const missing: string[] = [];
  const left: IndicatorValue[] = [];
  let blank = true;
  // One pass: the cells, what is missing, and both sums in the order sum() would take them.
  let actual = 0;
  let expected = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const v = byId.get(id);
    if (!v) {
      missing.push(id);
      continue;
    }
    cells.push({ id: v.id, ...v.cell });
    if (v.value !== null) blank = false;
    if (i < idn.left.length) {
      left.push(v);
      actual += v.value ?? 0;
    } else expected += v.value ?? 0;
  }
  const base = { rule: idn.rule, kind: idn.relation === '=' ? ('sum' as const) : ('at-most' as const), strength: idn.strength, ids, cells };
  if (missing.length > 0) return { ...base, status: 'skipped', expected: null, actual: null, reason: `not in the table: ${missing.join(', ')}` };
  if (blank) return { ...base, status: 'skipped', expected: null, actual: null, reason: 'every cell is blank' };
  expected = round(expected);
  actual = round(actual);
  for (const v of left) {
    if (v.value === null && expected !== 0) {
      diagnostics.push(diagnostic('blank-total', { id: v.id, rule: idn.rule, expected }, { id: v.id, cell: v.cell, expected, actual: null }));
    }
  }
  const ok = idn.relation === '=' ? actual === expected : actual <= expected;
  return { ...base, status: ok ? 'pass' : 'fail', expected, actual };
}

const relevantCache = new WeakMap<IdentityEntry[], WeakMap<ReadonlyMap<string, IndicatorEntry>, IdentityEntry[]>>();

/** The identities whose ids all belong to a catalogue table, found once per form and table. */
function relevantOf(identities: IdentityEntry[], table: ReadonlyMap<string, IndicatorEntry>): IdentityEntry[] {
  const byTable = kept(relevantCache, identities, () => new WeakMap<ReadonlyMap<string, IndicatorEntry>, IdentityEntry[]>());
  return kept(byTable, table, () => identities.filter((idn) => [...idn.left, ...idn.right].every((id) => table.has(id))));
}

/**
 * Evaluate every identity whose ids all belong to the table. Derivations run
 * first, so a check may use a computed subtotal; a computed value is never
 * put among the printed ones.
 */
export function checkIdentities(values: IndicatorValue[], identities: IdentityEntry[], table: ReadonlyMap<string, IndicatorEntry>): CheckOutcome {
  const byId = new Map(values.map((v) => [v.id, v]));
  const diagnostics: Diagnostic[] = [];
  const virtual: VirtualValue[] = [];
  const relevant = relevantOf(identities, table);
  // Derive virtual subtotals whose parts are all printed (several passes: subtotals of subtotals).
  const derived = new Map<string, IndicatorValue>();
  for (let pass = 0; pass < 3; pass++) {
    for (const idn of relevant) {
      const target = idn.left[0];
      if (!idn.derive || idn.left.length !== 1 || target === undefined || byId.has(target) || derived.has(target)) continue;
      const parts = idn.right.map((id) => byId.get(id) ?? derived.get(id));
      if (parts.some((p) => !p) || parts.every((p) => p?.value === null)) continue;
      const value = sum(parts);
      derived.set(target, { id: target, value, unit: table.get(target)?.unit ?? null, raw: '', label: '', cell: {} });
      virtual.push({ id: target, value, unit: table.get(target)?.unit ?? null, from: idn.right });
    }
  }
  // A total column left blank in every row (the publisher's choice, not a misprint): derived for the other
  // checks only; the blank cells stay blank and their own sums are not checked.
  const blankColumn = new Set<IdentityEntry>();
  const groups = new Map<string, IdentityEntry[]>();
  for (const idn of relevant.filter((i) => i.deriveBlankColumn)) groups.set(idn.group, [...(groups.get(idn.group) ?? []), idn]);
  const effective = new Map(byId);
  for (const [group, list] of groups) {
    const printed = list.filter((i) => i.left.every((id) => byId.has(id)));
    if (printed.length < 2 || !printed.every((i) => i.left.every((id) => byId.get(id)?.value === null))) continue;
    const filled = printed.filter((i) => i.right.some((id) => (byId.get(id)?.value ?? null) !== null));
    if (filled.length === 0) continue;
    for (const idn of printed) {
      blankColumn.add(idn);
      const target = idn.left[0] as string;
      const value = sum(idn.right.map((id) => byId.get(id)));
      effective.set(target, { ...(byId.get(target) as IndicatorValue), value });
      virtual.push({ id: target, value, unit: table.get(target)?.unit ?? null, from: idn.right });
    }
    const column = printed.map((i) => i.left[0] as string);
    diagnostics.push(diagnostic('total-column-blank', { count: column.length, group }, { actual: column }));
  }
  const checks = relevant
    .filter((idn) => !(idn.derive && idn.left.some((id) => !byId.has(id))))
    .map((idn) =>
      blankColumn.has(idn)
        ? {
            rule: idn.rule,
            kind: 'sum' as const,
            strength: idn.strength,
            ids: [...idn.left, ...idn.right],
            cells: [],
            status: 'skipped' as const,
            expected: null,
            actual: null,
            reason: 'the total column is blank in every row: derived from its parts',
          }
        : evaluate(idn, effective, diagnostics),
    );
  return { checks, virtual, diagnostics };
}
