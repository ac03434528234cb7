// Lint: every exported value (function, constant, class) of src/ is used outside its own file (by another module,
// a test, the page, the bench or a script), or is part of the public API in
// src/index.ts. Types may stay exported: they name a stage's boundary. An export used only where it is declared should not be
// exported; one used nowhere is dead. Exits 1 listing them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|mjs)$/.test(n) ? [p] : [];
  });
const files = ['src', 'web', 'test', 'bench', 'scripts'].flatMap((d) => walk(join(root, d)));
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const EXPORT = /^export (?:declare )?(?:async )?(?:function\*?|const|let|class|enum|abstract class) ([A-Za-z_$][\w$]*)/gm;
const problems = [];
for (const file of files.filter((f) => relative(root, f).startsWith('src/') && !f.endsWith('/index.ts'))) {
  const own = text.get(file);
  for (const m of own.matchAll(EXPORT)) {
    const name = m[1];
    const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
    const elsewhere = files.some((f) => f !== file && word.test(text.get(f)));
    if (elsewhere) continue;
    const uses = own.split(word).length - 2;
    problems.push(`${relative(root, file)}: ${name} is ${uses > 0 ? 'used only in its own file: do not export it' : 'used nowhere: remove it'}`);
  }
}
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\n${problems.length} export(s) to fix`);
  process.exit(1);
}
console.log(`exports: every export of src/ is used outside its file (${files.length} files read)`);
