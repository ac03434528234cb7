// 每个代码的中文说法。句子只由诊断所带的数据生成；`id()` 给出指标在表上的名称
// （手头有目录时），否则给出指标编号。

import type { MessageMap } from '../messages.js';

const zh: MessageMap = {
  'input-empty': ({ p }) => (p.what === 'zero' ? '文件是空的（0 字节）。' : p.what === 'whitespace' ? '文件里只有空白。' : '文件是空的。'),
  'input-binary': ({ p, s }) => (p.what ? `文件是${s('what')}，不是文本或网页。` : '文件含有大量 NUL 或控制字节，像是二进制数据，不是文本（UTF-16 文本须带字节顺序标记）。'),
  'input-too-large': ({ p, s }) => {
    if (p.what === 'grew') return `文件在读取过程中增长，超过了 ${s('limit')} 字节的上限。`;
    if (p.what === 'stdin') return `标准输入超过 ${s('limit')} 字节。`;
    if (p.what === 'file') return `文件有 ${s('size')} 字节，超过 ${s('limit')} 字节的上限。`;
    return `输入有 ${s('size')} 字节，超过 ${s('limit')} 字节的上限（选项 maxBytes）。`;
  },
  'input-unsupported': ({ p, s }) => {
    switch (p.what) {
      case 'container':
        return `文件是${s('container')}，不是文本或网页。`;
      case 'async':
        return `文件是${p.kind === 'pdf' ? ' PDF' : ' Word 文档（.docx）'}：请用 parseReportAsync 读取（命令行会这样做）。`;
      case 'zip':
        return '文件是 ZIP 压缩包，但既不是工作簿（.xlsx/.ods），也不是 Word 文档（.docx）。';
      case 'doc':
        return '文件是 Word 97–2003 的 .doc 格式；请另存为 .docx 后再读取其中的表格。';
      case 'compound':
        return '文件是复合文档，但其中没有工作簿。';
      case 'encoding':
        return `当前环境不支持 ${s('encoding')} 编码。`;
      default:
        return '不支持这种文件。';
    }
  },
  'input-corrupt': ({ p, s }) => {
    switch (p.what) {
      case 'docx':
        return `Word 文档无法读取：${s('reason')}`;
      case 'workbook':
        return `工作簿无法读取：${s('reason')}`;
      case 'pdf-open':
        return `PDF 无法打开：${s('reason')}`;
      case 'pdf':
        return `PDF 已损坏：${s('reason')}`;
      case 'zip-directory':
        return 'ZIP 压缩包没有中央目录：文件不完整或已损坏。';
      case 'zip-entry':
        return `ZIP 中央目录在第 ${s('entry')} 项（共 ${s('count')} 项）处损坏。`;
      case 'zip-duplicate':
        return `ZIP 压缩包中有多个同名部件（${s('names', 5)}），无法判断哪一个是表格。`;
      case 'compound':
        return '复合文档（.xls/.et/.doc）不完整或已损坏。';
      default:
        return `文件已损坏${p.reason ? `：${s('reason')}` : '。'}`;
    }
  },
  'limit-decompressed': ({ p, s }) => {
    switch (p.what) {
      case 'entries':
        return `ZIP 压缩包有 ${s('count')} 个部件，超过 ${s('limit')} 个的上限。`;
      case 'total':
        return `ZIP 压缩包解压后有 ${s('size')} 字节，超过 ${s('limit')} 字节的上限（选项 maxUnzippedBytes），疑为压缩炸弹，已拒绝。`;
      case 'declared':
        return `部件 ${s('entry')} 声明有 ${s('size')} 字节，超过 ${s('limit')} 字节的上限（选项 ${s('option')}）：读取它所需内存过多，已拒绝。`;
      case 'inflated':
        return `部件 ${s('entry')} 声明 ${s('size')} 字节，实际解压超过 ${s('limit')} 字节的上限（选项 ${s('option')}）：读取它所需内存过多，已拒绝。`;
      default:
        return `工作簿中有部件解压后超过 ${s('limit')} 字节（无论其头部如何声明；选项 maxXmlBytes、maxUnzippedBytes），疑为压缩炸弹，已拒绝。`;
    }
  },
  'aggregate-mixed-forms': ({ p, s }) => {
    if (p.what === 'unknown-form') return `目录中没有 ${s('form')} 格式。`;
    return `格式不同（或没有统计表）的报表不能汇总：${s('list')}。`;
  },
  'aggregate-duplicate': ({ p, s }) =>
    p.what === 'identical' ? `同一份报表给了两次（文件内容完全相同）：${s('list')}。` : `多份报表来自同一填报单位（${s('agency')}）：${s('list')}；如确需一并汇总，请加 --allow-duplicate-agency。`,
  'aggregate-mixed-years': ({ s }) => `报告年度不同的报表不能汇总：${s('list')}。`,
  'limit-time': ({ s }) => `解析用时超过 ${s('ms')} 毫秒，已中止。`,
  'limit-memory': () => '解析所需内存超过单个进程的上限，已中止。',
  'invalid-argument': ({ p, s }) => {
    if (p.what === 'options') return `options 必须是对象（实际为 ${s('got')}）。`;
    if (p.what === 'option') return `选项 ${s('name')}：${s('issue')}。`;
    return `input 必须是字符串、ArrayBuffer 或类型化数组（实际为 ${s('got')}）；Blob 或 File 请交给 parseReportAsync。`;
  },
  'input-encrypted': () => 'PDF 设有密码保护，无法读取。',
  'internal-error': ({ s }) => `程序内部错误：${s('reason') || '未知错误'}`,
  'file-not-found': ({ p, s }) => (p.reason === 'missing' ? '没有这个文件或文件夹' : p.reason === 'EISDIR' ? '无法读取：这是一个文件夹' : `无法读取文件（${s('reason') || '不可读'}）`),
  'input-not-file': () => '不是普通文件（管道、套接字或设备），读取可能永不结束，已拒绝',
  'compare-year-unknown': ({ p }) => (p.what === 'few' ? '写明年度的报告不足两份，无法比较' : '报告没有写明是哪一年的，未纳入比较'),
  'compare-agencies': ({ s }) => `这些报告来自不同单位（${s('agencies')}）；如仍要比较，请加 --any-agency`,
  'compare-same-year': ({ s }) => `${s('year')} 年有 ${s('count')} 份报告（${s('list')}）：每年只能给一份`,
  'output-unwritable': ({ p, s }) => (p.what === 'sqlite' ? '输出 SQLite 需要可选组件 better-sqlite3，本机未安装' : `无法写入输出文件（${s('reason')}）`),

  'decode-replacement': ({ p, s }) => (p.inFile ? `文件中有 ${s('count')} 个替换字符（U+FFFD），保存之前文字已经损坏。` : `有 ${s('count')} 处字节无法按 ${s('encoding')} 解码，已替换为 U+FFFD。`),
  'decode-mixed': ({ s }) => `文件混用了两种编码：${s('count')} 行按 GB18030 解码（第一处在第 ${s('first')} 行），其余按 UTF-8。`,
  'limit-depth': ({ s }) => `网页元素嵌套超过 ${s('limit')} 层（选项 maxDepth），或表格互相嵌套超过 32 层；更深处的内容未读取。`,
  'limit-columns': ({ s }) => `表头有 ${s('count')} 个数值列，只读取了前 ${s('limit')} 列。`,
  'workbook-damaged': ({ p, s }) => {
    if (p.what === 'strings') return `工作表“${s('sheet')}”有 ${s('count')} 个单元格（${s('refs', 8)}）引用了不存在的共享字符串（${s('values', 3)}）；这些单元格按空白读取，其余照常读取。`;
    if (p.what === 'nested') return `工作表“${s('sheet')}”的单元格中嵌有 ${s('tables')} 个表格，已略去，工作表本身照常读取。`;
    return `工作簿有 ${s('count')} 条损坏或无法识别的记录（如“${s('first')}”），能读的部分已读取。`;
  },
  'prose-conflict': ({ s, id }) => `正文对“${id()}”给出了两个不同的数（${s('values')}），均未采用。`,
  'no-table-found': ({ p, n, s }) => {
    if (n('grids') > 0) return `未找到统计表：文件中有 ${s('grids')} 个表格，但都不是已知格式的统计表（见 table-not-recognised），只读取了正文。`;
    const looked = p.kind === 'text' ? '没有以“|”分隔的表格，也没有可读作表格的连续短行' : p.kind === 'html' || p.kind === 'docx' ? '没有表格' : '没有非空的工作表或行';
    return `未找到统计表：文件中${looked}，只读取了正文。`;
  },
  'table-not-recognised': ({ p, s }) => `第 ${s('table')} 个表格（${s('rows')} 行 × ${s('cols')} 列${p.line ? `，第 ${s('line')} 行起` : ''}）不符合任何已知格式。`,
  'limit-tables': ({ s }) => `文件有 ${s('count')} 个表格，只读取了前 ${s('limit')} 个（选项 maxTables）。`,
  'limit-cells': ({ p, s }) => {
    if (p.what === 'expand') return `第 ${s('table')} 个表格展开后将超过 ${s('limit')} 个单元格（选项 maxCells），未读取。`;
    if (p.what === 'wide-table') return `第 ${s('table')} 个表格在第 ${s('line')} 行有一行 ${s('cells')} 个单元格，多于任何表格行（上限 ${s('limit')}），该表未读取，其余表格照常读取。`;
    if (p.what === 'row') return `第 ${s('line')} 行有 ${s('fields')} 个字段，多于任何表格行（上限 ${s('limit')}），该行未读取，其余表格照常读取。`;
    if (p.what === 'sheet') return `工作表“${s('sheet')}”有 ${s('cells')} 个单元格，超过 ${s('limit')} 个的上限（选项 maxCells），未读取。`;
    return `第 ${s('table')} 个表格有 ${s('cells')} 个单元格，超过 ${s('limit')} 个的上限（选项 maxCells），未读取。`;
  },
  'limit-pages': ({ s }) => `PDF 有 ${s('total')} 页，只读取了前 ${s('read')} 页（选项 maxPages）。`,
  'pdf-image-only': ({ p, s }) => (p.all ? `每一页（${s('pages')}）都是没有文字层的图片（扫描件），没有读取任何内容。` : `第 ${s('pages')} 页是没有文字层的图片（扫描件），这些页没有读取。`),
  'pdf-stream-table': ({ s }) => `第 ${s('page')} 页的第 ${s('table')} 个表格没有表格线：单元格按表头文字的位置划分。`,

  'unknown-row': ({ p, s }) => {
    if (p.what === 'cell') return `“${s('label')}”行在 ${s('form')} 格式中没有 ${s('id')} 这一格，其数值 ${s('value') || '（空白）'} 未采用。`;
    if (p.what === 'row') return `“${s('label')}”行不是 ${s('form')} 格式该表中的行，其数值 ${s('value')} 未采用。`;
    return `“${s('label')}”行不是 ${s('form')} 格式中的指标，其数值 ${s('value')} 未采用。`;
  },
  'unmatched-text-row': ({ s }) => `“${s('label')}”行不是表中的指标，也没有数值。`,
  'label-approximate': ({ s, n }) => `“${s('label')}”与表上该位置的栏目名称不完全一致，按其编号读作“${s('formLabel')}”（相似度 ${n('score').toFixed(2)}）。`,
  'fuzzy-match': ({ s, n }) => `“${s('label')}”近似匹配为“${s('formLabel')}”（相似度 ${n('score').toFixed(2)}）。`,
  'duplicate-indicator': ({ s, id }) => `“${id()}”再次出现（首次在第 ${s('first')} 行），这一处的数值 ${s('value') || '（空白）'} 未采用。`,
  'missing-indicator': ({ s }) => `表中缺少 ${s('form')} 格式的 ${s('count')} 个指标：${s('ids', 20)}。`,
  'value-in-unit-column': ({ s }) => `有 ${s('count')} 个数值写在“单位”列中（“${s('column')}”列为空），已按数值读取。`,
  'value-not-a-number': ({ p, s }) => (p.marks ? `“${s('raw')}”中的 ${s('marks')} 不是数字，不按数值读取。` : `“${s('raw')}”不是数字。`),
  'value-negative': ({ s, id }) => `“${id()}”是负数（${s('raw')}）。`,
  'value-glued-digits': ({ p, s }) =>
    p.what === 'unsafe' ? `“${s('raw')}”有 ${s('digits')} 位数字，超出可精确表示的范围，未读取。` : `${s('raw')} 有 ${s('digits')} 位数字，作为计数不合常理，可能是相邻单元格的数字连在了一起。`,
  'value-two-numbers': ({ s }) => `“${s('raw')}”中有两个分开的数字，不当作一个数读取。`,
  'value-ambiguous-separator': ({ s }) => `“${s('raw')}”中的逗号不是千位分隔符，不按数值读取。`,
  'value-fraction-in-count': ({ s, id }) => `“${id()}”以${s('unit')}计数，却有小数（${s('raw')}）。`,
  'unit-mismatch': ({ s, id }) => `“${id()}”的单位填为“${s('printed')}”，表中规定的单位是“${s('unit')}”；数值按所填保留。`,
  'unit-converted': ({ s, id }) => `“${id()}”的 ${s('value')} ${s('printed')} 换算为 ${s('converted')} ${s('unit')}。`,
  'value-in-header-row': ({ p, s, id }) => `栏目标题“${id()}”下填有数值 ${s('value')}；${p.kept ? '已保留' : '该处不是表上的格子，未采用'}。`,
  'extra-value-columns': ({ s }) => `第 ${s('table')} 个表格有 ${s('count')} 个数值列（${s('columns')}），各列分别输出。`,
  'extra-values': ({ p, s }) =>
    p.what === 'row'
      ? `“${s('label')}”行有 ${s('count')} 个数，表上只有 ${s('cells')} 格；多出的 ${s('extra')} 未采用。`
      : `有 ${s('count')} 个数写在表头未定义的列中（第一处在第 ${s('row')} 行第 ${s('col')} 列），未采用。`,
  'unit-assumed': ({ s, id }) => `“${id()}”未写单位（${s('raw')}），按表中规定的单位“${s('unit')}”读取。`,
  'form-mixed': ({ p, s }) => (p.what === 'table' ? `这张 ${s('form')} 格式的表中还有其他格式的格子：${s('others')}。` : `文件中的表格分属不同格式：${s('forms')}。`),
  'form-ambiguous': ({ s }) => `第 ${s('table')} 个表格（${s('name')}）同样符合 ${s('forms')} 格式，文件中没有其他依据，按较新的 ${s('chosen')} 格式读取。`,
  'glued-split': ({ p, s, id }) => `“${id()}”的数字 ${s('run')} 连在了一起；按表中的合计关系，唯一可行的拆分是 ${Array.isArray(p.cut) ? p.cut.join(' | ') : ''}。`,
  'glued-ambiguous': ({ n, s, id }) =>
    `“${id()}”的数字 ${s('run')} 连在了一起，${n('count') === 0 ? '没有符合表中合计关系的拆分' : `有 ${s('count')} 种符合表中合计关系的拆分（${s('cuts')}）`}，该行未读取。`,
  'value-below-label': ({ s, id }) => `“${id()}”在本行（第 ${s('first')} 行）为空，其数值 ${s('value')} 在下一行（第 ${s('row')} 行），按本行的数值读取。`,
  'blank-form': ({ s }) => `表 ${s('table')} 只有表头、没有填数，其 ${s('count')} 格按空白读取。`,
  'total-column-blank': ({ s }) => `合计列整列为空（${s('count')} 格），而其各分项已填写；合计仅为其他校验推算，不校验合计本身。`,
  'blank-total': ({ s, id }) => `“${id()}”为空，而与之对应的分项之和为 ${s('expected')}；校验时按 0 计。`,
};

export default zh;

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 校验未通过时的说法（名称和数字由 output/wording.ts 填入）。 */
export const checkWords = {
  table: (numeral: number) => `表${NUMERALS[numeral] ?? numeral}`,
  shouldBe: '应为',
  atMost: '不应大于',
  says: '表中填',
  sum: (left: string, total: string) => `${left} 共 ${total}`,
  blank: '空',
  computed: '推算',
  more: (n: number) => `…等 ${n} 项`,
  comma: '，',
  place: {
    page: (n: number) => `第${n}页`,
    line: (n: number) => `第${n}行`,
    cell: (r: number, c: number) => `第${r}行第${c}列`,
  },
  column: (name: string) => `${name}列`,
  row: (name: string) => `${name}行`,
  plus: ' + ',
  colon: '：',
  paren: (s: string) => `（${s}）`,
} as const;

/** `zfxxgk check` 报告中的用语。 */
export const reportWords = {
  mark: { pass: '通过', fail: '不通过', skipped: '跳过' },
  tables: (source: string, n: number) => `${source}：${n} 个表`,
  table: (i: number, form: string, name: string, column: string, indicators: number, checks: number, failed: number) =>
    `第 ${i} 个表：${form} 格式（${name}${column}），${indicators} 个指标，${checks} 项校验，${failed} 项不通过`,
  variant: (v: string) => `，地方格式 ${v}`,
  column: (label: string, kind: string) => `，数值列“${label}”（${kind === 'cumulative' ? '累计' : kind === 'year' ? '本年' : '其他'}）`,
  strength: { official: '规定', structural: '结构', usual: '通常' },
  skippedCount: (n: number) => `跳过 ${n} 项校验：所涉格子不全在表中或全为空（--verbose 逐项列出）`,
  virtualCount: (n: number) => `推算了 ${n} 个表上未印的小计（--verbose 逐项列出）`,
  virtual: (id: string, value: string) => `推算 ${id} = ${value}（不是表上的格子）`,
  at: (place: string) => `（${place}）`,
  nothing: {
    'no-table': '没有可校验的内容：未找到统计表',
    'no-number': '没有可校验的内容：表中没有数字（空白表，或只有栏目）',
  },
  summary: (files: number, failed: number, nothing: number, unreadable: number) => `共 ${files} 个文件：${failed} 个校验不通过，${nothing} 个没有可校验的内容，${unreadable} 个无法读取`,
} as const;

/** 退回报表（`check --out checked.xlsx`）中的用语。 */
export const markWords = {
  listSheet: '校验结果',
  listHeader: ['工作表', '规则', '问题', '应为', '表中填', '单元格', '原文件中位置'],
  allPassed: '全部校验通过。',
  noTable: '未找到统计表，没有可校验的内容。',
  noNumber: '表中没有数字（空白表，或只有栏目），没有可校验的内容。',
  summarySheet: '汇总',
  summaryHeader: ['文件', '填报单位', '格式', '不通过项数', '结果', '标注后的报表'],
  result: { failed: '校验不通过', passed: '全部通过', nothing: '没有可校验的内容', unreadable: '无法读取' },
} as const;
