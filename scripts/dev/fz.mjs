import fc from 'fast-check';
import { checkGenerated, generatedCase, render } from '../../dist/test/fuzz/properties.js';
const seed = Number(process.argv[2] ?? 20261123);
const runs = Number(process.argv[3] ?? 60);
const out = await fc.check(fc.asyncProperty(generatedCase, async (c) => { const p = await checkGenerated(c); if (p) throw new Error(p); }), { numRuns: runs, seed });
if (out.failed) {
  const c = out.counterexample[0];
  console.log(c.form, c.rendering, { trad: c.traditional, ruby: c.ruby, spaces: c.spaces, unit: c.unitSuffix }, String(out.errorInstance?.message ?? out.error).slice(0, 300));
  if (process.argv[4]) { const r = render(c); console.log(typeof r.bytes === 'string' ? r.bytes.slice(0, 3000) : '(binary)'); }
} else console.log('ok', out.numRuns);
