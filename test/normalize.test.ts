import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeLabel, normalizeText } from '../src/index.js';
import { stripRuby, stripNotes, splitNumbering } from '../src/core/normalize-text.js';

test('NFKC, whitespace and full-width punctuation', () => {
  assert.is(normalizeText('统 计 指 标'), '统计指标');
  assert.is(normalizeText('（一）主动公开\u3000政府信息数'), '(一)主动公开政府信息数');
  assert.is(normalizeText('１２３'), '123');
});

test('ruby debris: tones, no tones, doubled; Latin text in parentheses survives', () => {
  assert.is(stripRuby('領(lǐng)導(dǎo)'), '領導');
  assert.is(normalizeText('政(zheng)(zheng)府(fu)(fu)信息公(gong)(gong)開(kai)(kai)'), '政府信息公开');
  assert.is(normalizeText('國務(wù)院辦公廳'), '国务院办公厅');
  assert.is(normalizeText('东凤镇(zhèn)'), '东凤镇');
  assert.is(normalizeText('经费(万元)'), '经费(万元)');
  assert.is(normalizeText('see (abc) here'), 'see(abc)here', 'a gloss must follow a Han character');
});

test('traditional → simplified with the vocabulary map', () => {
  assert.is(normalizeText('規範性檔案', { 档案: '文件' }), '规范性文件');
  assert.is(normalizeText('從事政府資訊公開工作人員數', { 资讯: '信息' }), '从事政府信息公开工作人员数');
});

test('numbering is structure, not text', () => {
  assert.equal(splitNumbering('一、主动公开情况'), { rest: '主动公开情况', level: 1, ordinal: 1, subItem: false });
  assert.equal(splitNumbering('(十二)某某'), { rest: '某某', level: 2, ordinal: 12, subItem: false });
  assert.equal(splitNumbering('3.网络申请数'), { rest: '网络申请数', level: 3, ordinal: 3, subItem: false });
  assert.equal(splitNumbering('(4)其他'), { rest: '其他', level: 4, ordinal: 4, subItem: false });
  assert.equal(splitNumbering('其中:涉及国家秘密'), { rest: '涉及国家秘密', level: 0, ordinal: null, subItem: true });
  assert.equal(splitNumbering('2017年度'), { rest: '2017年度', level: 0, ordinal: null, subItem: false });
  const circled = normalizeLabel('①当面申请数');
  assert.equal([circled.level, circled.ordinal, circled.key], [3, 1, '当面申请']);
});

test('notes, punctuation and a trailing 数 leave the key', () => {
  assert.is(stripNotes('主动公开政府信息数(不同渠道和方式公开相同信息计1条)'), '主动公开政府信息数');
  assert.is(stripNotes('专项经费(不包括(含)网站'), '专项经费');
  assert.is(normalizeLabel('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）').key, '主动公开政府信息');
  assert.is(normalizeLabel('3.危及“三安全一稳定”').key, '危及三安全一稳定');
  assert.is(normalizeLabel('5.不属于本行政机关公开数').key, normalizeLabel('5.不属于本行政机关公开').key);
});

test('adversarial strings of 100,000 characters stay linear', () => {
  const inputs = ['('.repeat(100_000), '(a'.repeat(50_000), `${'政(zheng)'.repeat(10_000)}x`, '一、'.repeat(50_000), `${'('.repeat(50_000)}${')'.repeat(50_000)}`];
  for (const s of inputs) {
    const t = Date.now();
    normalizeLabel(s);
    assert.ok(Date.now() - t < 2000, `bounded time for ${s.slice(0, 10)}…`);
  }
});

test.run();
