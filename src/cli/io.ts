// The one object every command writes through: stdout and stderr (see format/output-stream.ts),
// stdin, whether each is a terminal, its size, the environment and a pager.

import type { Readable } from 'node:stream';
import type { OutputStream } from '../format/output-stream.js';

/** Everything a command may touch of the outside world. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  /** True when stdin is a terminal (no paths piped in). */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Terminal width and height; 80×24 when unknown. */
  columns: number;
  rows: number;
  /**
   * Runs `$PAGER` on text; resolves false when the text was not shown (no pager, one that could
   * not start or failed), and the caller writes it to stdout itself.
   */
  page?: (text: string) => Promise<boolean>;
}
