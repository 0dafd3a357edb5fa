// The `report` command as declared: its arguments and options, each with its help text. The work
// is in report-run.ts, loaded only when the command runs (with the chart library it needs).

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addCorpusOptions, addFilterOptions } from '../options.js';
import { addStopwordOptions } from '../stopword-options.js';
import type { ReportFlags } from './report-run.js';

/** The file `report` writes when not told. */
export const DEFAULT_REPORT_FILE = 'corpus-report.html';

/** The `report` command. */
export function reportCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('report')
    .description(
      'one self-contained HTML page with the corpus at a glance (charts, lists, a document table), written to corpus-report.html',
    )
    .argument('[paths...]', 'folders, files or globs to read (- reads paths from stdin)')
    .addOption(
      new Option('-o, --output <file>', `the HTML file to write; - writes it to standard output`).default(
        DEFAULT_REPORT_FILE,
      ),
    )
    .addOption(new Option('--top <n>', 'rows per list, bars per chart of languages and sources').default('10'));
  addStopwordOptions(cmd);
  addFilterOptions(cmd);
  addCorpusOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  corpus report -o - > report.html                    # the default corpus, the page on standard output\n' +
      '  corpus report seeds/ --top 20 -o - > seeds.html     # longer lists, more bars\n' +
      '  corpus report --lang fr --since 2024 -o - | wc -c   # filtered; the size of the page in bytes',
  );
  return cmd.action(async (paths: string[], flags: ReportFlags) =>
    setStatus(await (await import('./report-run.js')).runReport(paths, flags, io)),
  );
}
