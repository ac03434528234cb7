// Writes schema/report.schema.json from the zod schema (run by `npm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ReportResultSchema } from '../dist/src/output/schema.js';

const schema = z.toJSONSchema(ReportResultSchema, { io: 'output', unrepresentable: 'any' });
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/report.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
