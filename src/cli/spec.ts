// Every command, its options and its help, as data: the parser, `--help`
// and the README's command table are all made from this one list.

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder of the value in help (`--out PATH`). */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** `zfxxgk NAME …` */
  usage: string;
  summary: string;
  /** Longer text under the usage line. */
  details?: string;
  options: string[];
  examples: string[];
}

export const OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', short: 'v', description: 'print the version' },
  format: {
    type: 'string',
    value: 'FORMAT',
    description: 'output format: parse json|jsonl|csv (default json, an array when several files; the extension of --out decides it too); compare text|json|csv|xlsx; catalogue csv|json|md',
  },
  out: { type: 'string', value: 'PATH', description: 'write to PATH, atomically (a temporary file, then a rename); never one of the inputs' },
  encoding: { type: 'string', value: 'ENC', description: 'force the text encoding (utf-8, gb18030, big5, utf-16le …)' },
  source: { type: 'string', value: 'NAME', description: 'the name standard input (-) is reported under (default "-")' },
  timeout: { type: 'string', value: 'SECONDS', description: 'time one file may take (default 60)' },
  threads: { type: 'string', value: 'N', description: 'worker threads (default: the cores available)' },
  'max-memory': { type: 'string', value: 'MB', description: 'heap one worker may use (default 512)' },
  port: { type: 'string', value: 'N', description: 'port on 127.0.0.1 (default 8080; 0 picks a free one)' },
  'any-agency': { type: 'boolean', description: '(compare) compare reports of different agencies all the same' },
  form: { type: 'string', value: 'FORM', description: '(catalogue) only this form: 2014, 2019, 2021' },
  wide: { type: 'boolean', description: '(convert) one row per report and value column, one column per indicator (CSV, .xlsx, .parquet)' },
  lang: { type: 'string', value: 'LANG', description: 'language of messages and reports: zh or en (default: the locale, LC_ALL/LC_MESSAGES/LANG, else en)' },
  'allow-duplicate-agency': { type: 'boolean', description: '(aggregate) sum returns of the same 填报单位 all the same (they are listed either way)' },
  region: { type: 'string', value: 'NAME', description: '(aggregate) the name of the summed return: its 填报单位 and the title of the workbook' },
  verbose: { type: 'boolean', description: 'also print info-level diagnostics (and skipped checks in check reports)' },
  debug: { type: 'boolean', description: 'print stack traces of unexpected errors' },
};

const POOL = ['threads', 'timeout', 'max-memory', 'encoding'];

export const COMMAND_SPECS: CommandSpec[] = [
  {
    name: 'parse',
    usage: 'zfxxgk parse <file|->… [--format json|jsonl|csv] [--out PATH]',
    summary: 'the tables of each report as checked data, on standard output',
    details: 'Data goes to standard output, diagnostics to standard error (one line each, `zfxxgk: file:line: severity code: message`). `-` reads standard input.',
    options: ['format', 'out', 'lang', 'encoding', 'source', 'verbose', 'debug'],
    examples: ['zfxxgk parse report.html --format csv --out report.csv', 'cat report.html | zfxxgk parse - --source report.html'],
  },
  {
    name: 'check',
    usage: 'zfxxgk check <files|folders|->… [--out report.txt|checked.xlsx|FOLDER/]',
    summary: "every check of each return in the form's words; exit 3 if a check fails, 4 if nothing could be checked",
    details:
      'With --out FILE.xlsx the return comes back as the official form with its numbers, failed cells filled red with the check as a comment, warnings orange, blanks grey, and a sheet of the failed checks. With --out FOLDER/ (or folders among the inputs) every return gets its marked workbook there, plus a summary workbook.',
    options: ['out', 'lang', 'encoding', 'source', 'verbose', 'debug'],
    examples: ['zfxxgk check return.xlsx --lang zh', 'zfxxgk check return.xlsx --out return.checked.xlsx', 'zfxxgk check returns/ --out checked/'],
  },
  {
    name: 'convert',
    usage: 'zfxxgk convert <files|folders>… --out FILE.json|.jsonl|.csv|.xlsx|.sqlite|.parquet [--wide]',
    summary: 'many files (folders walked recursively) into one file, on all cores, with progress',
    details: 'Files of kinds it does not read are counted and listed by extension. Unreadable files are listed at the end with their codes; exit 1.',
    options: ['out', 'wide', 'lang', ...POOL, 'debug'],
    examples: ['zfxxgk convert reports/ --out corpus.sqlite', 'zfxxgk convert reports/ --out wide.csv --wide', 'zfxxgk convert a.html b.xlsx --out both.jsonl --threads 1'],
  },
  {
    name: 'aggregate',
    usage: 'zfxxgk aggregate <returns|folders>… --out region.xlsx|region.json',
    summary: "returns of one form summed cell by cell, with every input's failed checks",
    options: ['out', 'region', 'allow-duplicate-agency', 'lang', ...POOL, 'debug'],
    examples: ['zfxxgk aggregate returns/ --out region.xlsx --region 某某区'],
  },
  {
    name: 'compare',
    usage: 'zfxxgk compare <reports>… [--format text|json|csv|xlsx] [--out PATH]',
    summary: "one agency's reports across years: carry-over and continuity checked, every indicator side by side",
    details: 'Reports are ordered by the year they report on (a report that does not say is left out and named). Exit 3 only when a strict continuity check (carry-over) fails.',
    options: ['format', 'out', 'any-agency', 'lang', 'debug'],
    examples: ['zfxxgk compare report-2020.html report-2021.pdf report-2022.html', 'zfxxgk compare reports/ --format xlsx --out series.xlsx'],
  },
  {
    name: 'catalogue',
    usage: 'zfxxgk catalogue [--form F] [--format csv|json|md]',
    summary: 'the data dictionary: every indicator id with its form, table, label, unit, parent, sums and variant',
    options: ['form', 'format', 'out'],
    examples: ['zfxxgk catalogue --form 2021 --format csv --out dictionary.csv'],
  },
  {
    name: 'template',
    usage: 'zfxxgk template <2014|2019|2021> --out blank.xlsx|.xls|.ods',
    summary: 'the official blank form as a workbook, merged headers as on paper',
    options: ['out'],
    examples: ['zfxxgk template 2021 --out blank-2021.xlsx'],
  },
  {
    name: 'serve',
    usage: 'zfxxgk serve [--port N]',
    summary: 'the checking page on http://127.0.0.1:8080/ (nothing leaves the machine)',
    options: ['port'],
    examples: ['zfxxgk serve --port 9000'],
  },
  {
    name: 'codes',
    usage: 'zfxxgk codes',
    summary: 'every diagnostic and error code, with its severity and meaning',
    options: [],
    examples: ['zfxxgk codes | grep limit-'],
  },
];

export const EXIT_CODES = [
  [0, 'every input was read (failed checks are data)'],
  [1, 'an input could not be read, or the output could not be written'],
  [2, 'the command line is wrong'],
  [3, '(check) a check failed'],
  [4, '(check) nothing could be checked: no statistics table, or tables with no numbers'],
] as const;

function optionLine(name: string): string {
  const o = OPTIONS[name] as OptionSpec;
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
  return `  ${flag.padEnd(30)} ${o.description}`;
}

export function commandHelp(spec: CommandSpec): string {
  const options = [...spec.options, 'help'].map(optionLine).join('\n');
  return `${spec.usage}\n\n${spec.summary}.${spec.details ? `\n${spec.details}` : ''}\n\nOptions:\n${options}\n\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`;
}

export function mainHelp(): string {
  const commands = COMMAND_SPECS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  const exits = EXIT_CODES.map(([n, what]) => `  ${n}  ${what}`).join('\n');
  return `zfxxgk — read the statistics tables of 政府信息公开工作年度报告 into checked data

Usage: zfxxgk <command> [options]   (zfxxgk <command> --help for its options)

Commands:
${commands}

Options:
${optionLine('help')}
${optionLine('version')}

Exit codes:
${exits}
`;
}
