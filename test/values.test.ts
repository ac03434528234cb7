import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultCatalogue, parseValue } from '../src/index.js';
import { convertUnit, scaleDecimal } from '../src/core/numbers.js';

const units = defaultCatalogue().units;
const v = (s: string) => parseValue(s, units);

test('numbers with units, signs, separators, full-width digits', () => {
  assert.equal([v('24条').value, v('24条').unit], [24, '条']);
  assert.equal([v('32人次').value, v('32人次').unit], [32, '人次'], 'longest unit wins');
  assert.equal([v('160.5964万元').value, v('160.5964万元').unit], [160.5964, '万元']);
  assert.is(v('13,612').value, 13612);
  assert.is(v('+1036').value, 1036);
  assert.is(v('-8').value, -8);
  assert.is(v('１２').value, 12);
  assert.is(v(' 0 件 ').value, 0);
  assert.is(v('0').kind, 'number');
});

test('blanks and placeholders are null, raw kept', () => {
  for (const s of ['', '  ', '\u00a0']) assert.equal([v(s).value, v(s).kind], [null, 'blank']);
  for (const s of ['—', '-', '/', '无', '——', '_', '／']) assert.equal([v(s).value, v(s).kind, v(s).raw], [null, 'placeholder', s]);
});

test('what is not a number gets a diagnostic code and null', () => {
  assert.equal([v('1e400').value, v('1e400').issues[0]?.code], [null, 'value-not-a-number']);
  assert.equal([v('NaN').value, v('NaN').issues[0]?.code], [null, 'value-not-a-number']);
  assert.equal([v('12,5').value, v('12,5').issues[0]?.code], [null, 'value-ambiguous-separator']);
  assert.equal([v('见附件').kind, v('见附件').value], ['text', null]);
});

test('glued digits: long counts flagged, unsafe integers not read', () => {
  const glued = v('346085376');
  assert.equal([glued.value, glued.issues[0]?.code], [346085376, 'value-glued-digits']);
  const huge = v('９９９９９９９９９９９９９９９９９９９');
  assert.equal([huge.value, huge.issues[0]?.code], [null, 'value-glued-digits']);
  assert.equal(v('25100000元').issues, [], 'money is not a count');
});

test('exact unit conversion without binary noise', () => {
  assert.is(convertUnit(251000, '元', '万元', units), 25.1);
  assert.is(convertUnit(3, '元', '万元', units), 0.0003);
  assert.is(convertUnit(5, '个', '人', units), null);
  assert.is(scaleDecimal(0.1 + 0.2, 1), 3.0000000000000004);
  assert.is(scaleDecimal(1e-7, -4), 1e-11);
});

test.run();
