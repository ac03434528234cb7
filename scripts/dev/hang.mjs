import { readFileSync, writeFileSync } from 'node:fs';
import { mutate } from '../../dist/test/fuzz/properties.js';
const bytes = new Uint8Array(readFileSync('/work/main/fixtures/returns/agency-c-2021.xlsx'));
const m = {"kind":"flip","at":[10144,14528,10682,10097,14843],"xor":[192,212,80,170,155,79,59,126]};
writeFileSync('/tmp/hang.xlsx', mutate(bytes, m));
