// Runs one command as a whole process and measures it: wall time (hrtime around the spawn), peak
// memory (max RSS, from GNU time when installed, else by polling /proc), and its stdout, counted.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @typedef {import('node:stream').Readable} Readable */

const GNU_TIME = '/usr/bin/time';

/**
 * How peak memory is measured on this machine.
 * @returns {{ method: 'gnu-time' | 'proc-poll', description: string }}
 */
export function memoryMethod() {
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) {
      return {
        method: 'gnu-time',
        description: `max RSS (and CPU time) from GNU time (${GNU_TIME} -f '%U %S %M'), whole process`,
      };
    }
  }
  return {
    method: 'proc-poll',
    description: 'VmHWM from /proc/<pid>/status, polled every 20 ms (may miss a last-moment peak)',
  };
}

// Children running now: killed with their process group if the harness is interrupted.
// A pid is undefined when the spawn failed.
/** @type {Set<number | undefined>} */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of running) killGroup(pid);
    process.exit(130);
  });
}

/**
 * Kills a child and whatever it started (GNU time's child): each run has its own group.
 * @param {number | undefined} pid - undefined when the spawn failed: nothing to kill
 */
function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** @type {string | undefined} */
let scratch;
/** The folder for GNU time's reports, made on first use. */
function scratchDir() {
  scratch ??= mkdtempSync(join(tmpdir(), 'corpus-bench-time-'));
  return scratch;
}

/** Removes the scratch folder used for GNU time reports. */
export function cleanupMeasure() {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

/**
 * The outcome of one run.
 * @typedef {object} RunResult
 * @property {number} seconds - wall time
 * @property {number | null} maxRssKiB
 * @property {number | null} cpuSeconds - user + system time of the process and its threads (GNU time only)
 * @property {number | null} code - exit code (null when killed)
 * @property {string | null} signal
 * @property {boolean} timedOut
 * @property {number} stdoutBytes
 * @property {number} stdoutLines
 * @property {number} countSum - sum of the numbers after the last `:` of each line (grep -c output)
 * @property {string} stdoutTail - the last 4 KiB of its stdout
 * @property {string} stderr - its last 4 KiB
 * @property {number} stderrLines
 * @property {string | null} error - why the run could not start, if it could not
 */

/**
 * Runs a command, stdout piped into a counter (never to the terminal), stderr kept in part.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutSeconds?: number,
 *   method?: 'gnu-time' | 'proc-poll' }} [options]
 * @returns {Promise<RunResult>}
 */
export function measure(command, args, { env = process.env, cwd, timeoutSeconds = 1800, method = 'gnu-time' } = {}) {
  const reportFile =
    method === 'gnu-time'
      ? join(scratchDir(), `time-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}`)
      : null;
  const [cmd, argv] = reportFile ? [GNU_TIME, ['-f', '%U %S %M', '-o', reportFile, command, ...args]] : [command, args];
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    /** @type {RunResult} */
    const result = {
      seconds: 0,
      maxRssKiB: null,
      cpuSeconds: null,
      code: null,
      signal: null,
      timedOut: false,
      stdoutBytes: 0,
      stdoutLines: 0,
      countSum: 0,
      stdoutTail: '',
      stderr: '',
      stderrLines: 0,
      error: null,
    };
    /** @type {import('node:child_process').ChildProcessByStdio<null, Readable, Readable>} */
    let child;
    try {
      child = spawn(cmd, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      running.add(child.pid);
    } catch (error) {
      resolvePromise({ ...result, error: /** @type {Error} */ (error).message });
      return;
    }
    let partial = '';
    /** @param {string} line */
    const countLine = (line) => {
      const m = /:(\d+)\r?$/.exec(line);
      if (m) result.countSum += Number(m[1]);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      result.stdoutBytes += Buffer.byteLength(chunk);
      result.stdoutTail = (result.stdoutTail + chunk).slice(-4096);
      const lines = (partial + chunk).split('\n');
      // split gives at least one piece: the text after the last newline.
      partial = lines.pop() ?? '';
      result.stdoutLines += lines.length;
      for (const line of lines) countLine(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      result.stderrLines += chunk.split('\n').length - 1;
      result.stderr = (result.stderr + chunk).slice(-4096);
    });
    /** @type {NodeJS.Timeout | undefined} */
    let poll;
    if (!reportFile) {
      poll = setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const m = /VmHWM:\s+(\d+)/.exec(status);
          if (m) result.maxRssKiB = Math.max(result.maxRssKiB ?? 0, Number(m[1]));
        } catch {
          // the process is gone or not yet there
        }
      }, 20);
    }
    const timer = setTimeout(() => {
      result.timedOut = true;
      killGroup(child.pid);
    }, timeoutSeconds * 1000);
    child.on('error', (error) => {
      result.error = error.message;
    });
    child.on('close', (code, signal) => {
      running.delete(child.pid);
      result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (partial) {
        result.stdoutLines++;
        countLine(partial);
      }
      result.code = code;
      result.signal = signal;
      if (reportFile) readTimeReport(reportFile, result);
      resolvePromise(result);
    });
  });
}

/**
 * Takes peak memory, and the command's own exit status or signal, from GNU time's report, then
 * removes the report.
 * @param {string} reportFile
 * @param {RunResult} result - updated
 */
function readTimeReport(reportFile, result) {
  try {
    const report = readFileSync(reportFile, 'utf8');
    // GNU time writes "Command exited with non-zero status N" before the format line.
    // The format's line, last: user seconds, system seconds, max RSS in KiB.
    const m = /(?:([\d.]+) ([\d.]+) )?(\d+)\s*$/.exec(report.trim());
    if (m) result.maxRssKiB = Number(m[3]);
    if (m && m[1] !== undefined) result.cpuSeconds = Number(m[1]) + Number(m[2]);
    const exit = /Command exited with non-zero status (\d+)/.exec(report);
    if (exit) result.code = Number(exit[1]);
    const killed = /Command terminated by signal (\d+)/.exec(report);
    if (killed) result.signal = `signal ${killed[1]}`;
    rmSync(reportFile, { force: true });
  } catch {
    // no report: time itself was killed (timeout)
  }
}

/**
 * The median of some numbers (mean of the middle two for an even count).
 * @param {number[]} values
 * @returns {number | null} null when there are none
 */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // mid and mid - 1 are in range: there is at least one value, and two when the count is even.
  const at = (/** @type {number} */ k) => /** @type {number} */ (sorted[k]);
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
