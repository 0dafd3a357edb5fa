import { describe, expect, test } from 'vitest';
import wabtInit from 'wabt';
import { loadKernel } from '../../src/core/kernels/wasm.js';

/** The module `wat` assembles to, in base64, as a kernel's generated .bytes.ts holds it. */
async function base64Of(wat: string): Promise<string> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('test.wat', wat);
  module.resolveNames();
  module.validate();
  return Buffer.from(module.toBinary({ write_debug_names: false }).buffer).toString('base64');
}

// f(a, b): memory[8] = a + b + 1000.
const ADD_AND_STORE = `(module
  (memory (export "memory") 1)
  (func (export "f") (param $a i32) (param $b i32)
    (i32.store (i32.const 8) (i32.add (i32.add (local.get $a) (local.get $b)) (i32.const 1000)))))`;

describe('loading a WebAssembly kernel', () => {
  test('a module of one function and its memory, from base64: parameters, a store', async () => {
    const kernel = loadKernel(await base64Of(ADD_AND_STORE), 'f');
    expect(kernel).not.toBeNull();
    kernel!.run(-5000, 42);
    expect(new Int32Array(kernel!.memory.buffer)[2]).toBe(-3958);
    expect(kernel!.memory.buffer.byteLength).toBe(65536);
  });

  test('bytes that are not a valid module give null, not an exception', () => {
    // The magic number and version, then a section of an id that does not exist.
    const bytes = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x7f, 0x00]);
    expect(loadKernel(bytes.toString('base64'), 'f')).toBeNull();
  });

  test('a module without the function asked for is an error, not a silent fallback', async () => {
    const base64 = await base64Of(ADD_AND_STORE);
    expect(() => loadKernel(base64, 'g')).toThrow('WebAssembly kernel: no exports "memory" and "g"');
  });
});
