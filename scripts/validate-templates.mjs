// Build step after tsc: validate the bundled templates with their zod schemas
// and build the catalogue from them once, so a data error fails the build;
// then write the validated data (every default filled in, `validated: true`)
// back over the bundle in src/ and dist/. defaultCatalogue() trusts that file
// and never loads zod at start-up. Also stores the built catalogue itself
// (dist/src/catalogue/catalogue.v8) for the command line's start.
import { readFileSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
// The package's entry point hands the core every library (building the catalogue may need OpenCC).
import '../dist/src/index.js';
import { validateTemplates } from '../dist/src/catalogue/schema.js';
import { buildCatalogue } from '../dist/src/catalogue/index.js';

const targets = ['../src/catalogue/templates.generated.json', '../dist/src/catalogue/templates.generated.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const { note, validated, ...raw } = JSON.parse(readFileSync(targets[0], 'utf8'));
const data = validateTemplates(raw);
const catalogue = buildCatalogue(data);
const text = `${JSON.stringify({ note, validated: true, ...data })}\n`;
for (const t of targets) writeFileSync(t, text);
// The built catalogue for the command line (src/cli/runtime.ts reads it back with v8.deserialize).
writeFileSync(fileURLToPath(new URL('../dist/src/catalogue/catalogue.v8', import.meta.url)), serialize(catalogue));
console.log(`templates validated: ${catalogue.forms.length} forms, ${data.variants.length} variants${validated ? ' (already)' : ''}`);
