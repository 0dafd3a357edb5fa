// `corpus merge`: the partials of a sharded run merged (docs/partial-format.md), into the summary
// one run over the whole corpus prints, or into one partial (`-o`) for a merge in steps.

import type { Io } from '../io.js';
import { EXIT, UsageError } from '../errors.js';
import { outputContext } from '../context.js';
import type { OutputFlags } from '../options.js';
import { printSummary, sectionsOf } from './summarise-run.js';

export interface MergeFlags extends OutputFlags {
  output?: string;
  only?: string;
}

/** Runs `merge`; resolves to the exit status (1 when the partials hold no document). */
export async function runMerge(partials: string[], flags: MergeFlags, io: Io): Promise<number> {
  const sections = await sectionsOf(flags.only);
  if (flags.output !== undefined) {
    if (flags.only !== undefined)
      throw new UsageError('--only chooses sections of the printed summary, not of a partial (-o)');
    const { mergePartials } = await import('../../core/partial/summary-partial.js');
    const { partialSink } = await import('../../core/partial/partial-file.js');
    const sink = partialSink(flags.output, (text) => io.stdout.write(text));
    try {
      await mergePartials(partials, sink);
      await sink.close();
    } catch (err) {
      sink.abandon();
      throw err;
    }
    return EXIT.results;
  }
  const out = outputContext(flags, io);
  const { mergeSummary } = await import('../../core/partial/summary-partial.js');
  const { languageName } = await import('../../core/analyse/language/lang-codes.js');
  const { summary, options } = await mergeSummary(partials, await languageName());
  await printSummary(summary, sections, options.top, flags, io, out);
  return summary.overview.documents > 0 ? EXIT.results : EXIT.noResults;
}
