// The `merge` command as declared: its arguments and options, each with its help text. The work
// is in merge-run.ts, loaded only when the command runs.

import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import { addOutputOptions } from '../options.js';
import type { MergeFlags } from './merge-run.js';
import { onlyOption } from './summarise.js';

/** The `merge` command. */
export function mergeCommand(io: Io, setStatus: (code: number) => void): Command {
  const cmd = new Command('merge')
    .description(
      'merge the partials of a sharded run (summarise --partial or --count-lines): print the summary one run over the whole corpus prints',
    )
    .argument('<partials...>', 'the partial files, one or more a shard (any order)')
    .addOption(
      new Option('-o, --output <file>', 'write the merged partial to this file (- for standard output) instead'),
    )
    .addOption(onlyOption());
  addOutputOptions(cmd);
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts).
  // Each example runs on the seeds, from the clone (tests/cli/help-examples.test.ts, which makes the two partials first).
  cmd.addHelpText(
    'after',
    '\nThe partials of the examples: corpus summarise seeds/ --shard 1/2 --partial -o /tmp/seeds-1.corpus, and 2/2.\n' +
      '\nExamples:\n' +
      '  corpus merge /tmp/seeds-1.corpus /tmp/seeds-2.corpus         # as `corpus summarise seeds/`\n' +
      '  corpus merge /tmp/seeds-2.corpus /tmp/seeds-1.corpus --only overview --json  # any order\n' +
      '  corpus merge /tmp/seeds-1.corpus /tmp/seeds-2.corpus -o - | wc -l  # one partial of both (merge in steps)',
  );
  return cmd.action(async (partials: string[], flags: MergeFlags) =>
    setStatus(await (await import('./merge-run.js')).runMerge(partials, flags, io)),
  );
}
