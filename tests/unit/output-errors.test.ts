// Output is never lost in silence: a closed pipe ends the run quietly, any other write error is
// an error; and a pager that fails leaves the text to be written directly.
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { pageThrough } from '../../src/cli/process-io.js';
import { capturedOutput, OutputError, outputFrom, PipeClosedError } from '../../src/format/output-stream.js';

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, write`), { code });
}

/** A stream whose writes fail with `err`, at once or (`later`) after the write has returned. */
function failing(err: Error, later = false): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      if (later) setTimeout(() => callback(err), 5);
      else callback(err);
    },
  });
}

describe('write errors', () => {
  test('a full disk is an OutputError that names the stream and the reason, not a closed pipe', async () => {
    const out = outputFrom(failing(errno('ENOSPC', 'no space left on device')));
    const err: unknown = await out.write('rows\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).message).toBe('cannot write to standard output: no space left on device (ENOSPC)');
  });

  test('a bad descriptor and an I/O error are OutputErrors too', async () => {
    for (const [code, why] of [
      ['EBADF', 'bad file descriptor'],
      ['EIO', 'i/o error'],
    ]) {
      const out = outputFrom(failing(errno(code!, why!)), 'standard error');
      await expect(out.write('x')).rejects.toThrow(`cannot write to standard error: ${why} (${code})`);
    }
  });

  test('a closed pipe (EPIPE) still ends the run quietly', async () => {
    const out = outputFrom(failing(errno('EPIPE', 'broken pipe')));
    await expect(out.write('x')).rejects.toBeInstanceOf(PipeClosedError);
  });

  test('the last write failing after it returned is caught by settle', async () => {
    const out = outputFrom(failing(errno('ENOSPC', 'no space left on device'), true));
    await out.write('the last rows\n');
    await expect(out.settle?.()).rejects.toThrow('cannot write to standard output: no space left on device (ENOSPC)');
  });

  test('settle resolves once every write went out', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        setTimeout(() => {
          chunks.push(chunk.toString());
          callback();
        }, 5);
      },
    });
    const out = outputFrom(sink);
    await out.write('a');
    await out.write('b');
    await out.settle?.();
    expect(chunks).toEqual(['a', 'b']);
  });
});

describe('a pager that fails', () => {
  test('PAGER=false: the text is left to be written directly, with a warning', async () => {
    const stderr = capturedOutput(false);
    expect(await pageThrough('text\n', { PAGER: 'false', PATH: process.env.PATH }, stderr)).toBe(false);
    expect(stderr.text()).toBe("corpus: warning: pager 'false' exited with status 1; the text follows unpaged\n");
  });

  test('a pager that is not found: written directly, with a warning', async () => {
    const stderr = capturedOutput(false);
    const env = { PAGER: 'corpus-no-such-pager 2>/dev/null', PATH: process.env.PATH };
    expect(await pageThrough('text\n', env, stderr)).toBe(false);
    expect(stderr.text()).toBe(
      "corpus: warning: pager 'corpus-no-such-pager 2>/dev/null' was not found; the text follows unpaged\n",
    );
  });

  test('a pager that reads the text and exits 0 has shown it; PAGER=cat does not page', async () => {
    const stderr = capturedOutput(false);
    expect(await pageThrough('text\n', { PAGER: 'cat >/dev/null', PATH: process.env.PATH }, stderr)).toBe(true);
    expect(await pageThrough('text\n', { PAGER: 'cat' }, stderr)).toBe(false);
    expect(stderr.text()).toBe('');
  });

  test('the pager name in the warning is shown visibly on a terminal', async () => {
    const stderr = capturedOutput(true);
    expect(await pageThrough('text\n', { PAGER: 'false \u001b[2J', PATH: process.env.PATH }, stderr)).toBe(false);
    expect(stderr.text()).toBe("corpus: warning: pager 'false ␛[2J' exited with status 1; the text follows unpaged\n");
  });
});
