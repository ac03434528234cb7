// Stage: the catalogue's identities evaluated on one table's values. Blank
// cells count as 0, but a blank total whose parts are not all zero is also
// reported, since a blank total is sometimes just missing (FORMS.md §7).

import type { Identity } from './catalogue.js';
import { diagnostic } from './diagnostics.js';
import type { IndicatorValue } from './read-values.js';
import type { Diagnostic, Location } from './types.js';

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckResult {
  rule: string;
  kind: Identity['kind'];
  strength: Identity['strength'];
  status: CheckStatus;
  /** sum: Σ parts; at-most: the bound Σ parts. */
  expected: number | null;
  /** The total as printed (blank counted as 0). */
  actual: number | null;
  ids: string[];
  /** The cells involved, total first. */
  cells: (Location & { id: string })[];
  /** Why a check was skipped. */
  reason?: string;
}

export interface CheckOutcome {
  checks: CheckResult[];
  diagnostics: Diagnostic[];
}

// Sums of decimals (万元) carry binary noise; compare at a fixed precision.
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function evaluate(idn: Identity, byId: Map<string, IndicatorValue>, diagnostics: Diagnostic[]): CheckResult {
  const ids = [idn.total, ...idn.parts];
  const present = ids.map((id) => byId.get(id));
  const cells = present.flatMap((v) => (v ? [{ id: v.id, ...v.cell }] : []));
  const base = { rule: idn.rule, kind: idn.kind, strength: idn.strength, ids, cells };
  const total = present[0];
  const parts = present.slice(1);
  const missing = ids.filter((_, i) => !present[i]);
  if (!total || missing.length > 0) {
    return { ...base, status: 'skipped', expected: null, actual: null, reason: `not in the table: ${missing.join(', ')}` };
  }
  if (present.every((v) => v?.value === null)) {
    return { ...base, status: 'skipped', expected: null, actual: null, reason: 'every cell is blank' };
  }
  const expected = round(parts.reduce((s, v) => s + (v?.value ?? 0), 0));
  const actual = total.value ?? 0;
  if (total.value === null && expected !== 0) {
    diagnostics.push(diagnostic('blank-total', `${idn.total} is blank while its parts sum to ${expected} (${idn.rule}).`, { id: idn.total, cell: total.cell, expected, actual: null }));
  }
  const ok = idn.kind === 'sum' ? round(actual) === expected : round(actual) <= expected;
  return { ...base, status: ok ? 'pass' : 'fail', expected, actual };
}

/** Evaluate every identity whose ids all belong to the table's catalogue. */
export function checkIdentities(values: IndicatorValue[], identities: Identity[], tableIds: ReadonlySet<string>): CheckOutcome {
  const byId = new Map(values.map((v) => [v.id, v]));
  const diagnostics: Diagnostic[] = [];
  const checks = identities
    .filter((idn) => tableIds.has(idn.total) && idn.parts.every((p) => tableIds.has(p)))
    .map((idn) => evaluate(idn, byId, diagnostics));
  return { checks, diagnostics };
}
