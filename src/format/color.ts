// Decides whether output is coloured (`--color`, NO_COLOR, FORCE_COLOR, a terminal) and
// gives the chalk instance the formatters draw with.

import { Chalk, type ChalkInstance } from 'chalk';

export type ColorChoice = 'auto' | 'always' | 'never';

/**
 * Whether to colour: `--color always|never` wins; else FORCE_COLOR (non-empty, not `0`)
 * turns colour on, NO_COLOR (non-empty) turns it off, and otherwise a terminal gets colour.
 */
export function useColor(choice: ColorChoice, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** A chalk instance that colours or not, independent of chalk's own detection. */
export function paint(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 2 : 0 });
}
