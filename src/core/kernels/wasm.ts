// Small WebAssembly modules written by hand, for the few inner loops that JavaScript runs several
// times slower (language/rank-kernel.ts, summary/minhash-simd.ts): the binary format's encodings,
// the instructions those kernels use, and the assembly of a module of one exported function and
// its memory. Opcodes are those of the WebAssembly core and SIMD specifications.

/** A module's memory, as its kernel sees it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

// The little of the WebAssembly API used here (TypeScript declares it in its DOM library, not loaded).
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => { exports: Record<string, unknown> };
    }
  | undefined;

/** The size of a memory page, in bytes. */
export const PAGE = 65536;

/** Unsigned LEB128, as the binary format writes sizes, counts and offsets. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128, as `i32.const` takes its operand. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Value types.
export const I32 = 0x7f;
export const V128 = 0x7b;

// Instructions.
export const get = (local: number): number[] => [0x20, local];
export const set = (local: number): number[] => [0x21, local];
export const i32 = (n: number): number[] => [0x41, ...sleb(n)]; // i32.const
export const i32Load = (offset: number): number[] => [0x28, 2, ...leb(offset)]; // align=4
export const i32Store = (offset: number): number[] => [0x36, 2, ...leb(offset)]; // align=4
export const simd = (op: number): number[] => [0xfd, ...leb(op)];
export const I32_EQ = [0x46];
export const I32_LT_U = [0x49];
export const I32_GE_S = [0x4e];
export const I32_GE_U = [0x4f];
export const I32_ADD = [0x6a];
export const I32_SUB = [0x6b];
export const I32_MUL = [0x6c];
export const I32_AND = [0x71];
export const I32_SHL = [0x74];
export const I32_SHR_U = [0x76];
export const SELECT = [0x1b];
export const BLOCK = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const IF = [0x04, 0x40];
export const ELSE = [0x05];
export const END = [0x0b];
export const br = (depth: number): number[] => [0x0c, depth];
export const brIf = (depth: number): number[] => [0x0d, depth];

/** A kernel: its one function, called with i32 arguments, and the memory it works in. */
export interface WasmKernel {
  memory: WasmMemory;
  run: (...args: number[]) => void;
}

/**
 * Assembles and instantiates a module that exports `memory` (at least `pages` pages) and one
 * function `fn` taking `params` i32 values and returning nothing, whose locals past the
 * parameters are `locals` (runs of [count, type]) and whose instructions are `body` (closed by
 * its own `END`). Null where WebAssembly, or an instruction the body uses (SIMD), is not
 * available (`node --jitless`): the caller then runs its JavaScript loop.
 */
export function instantiate(
  fn: string,
  params: number,
  locals: [number, number][],
  body: number[],
  pages: number,
): WasmKernel | null {
  if (typeof WebAssembly !== 'object') return null;
  const declared = [...leb(locals.length), ...locals.flatMap(([count, type]) => [...leb(count), type])];
  const bytes = Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version 1
    ...section(1, [1, 0x60, ...leb(params), ...new Array<number>(params).fill(I32), 0]), // type 0: (i32 × params) -> ()
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0, ...leb(pages)]), // one memory
    ...section(7, [2, ...name('memory'), 2, 0, ...name(fn), 0, 0]),
    ...section(10, [1, ...leb(declared.length + body.length), ...declared, ...body]),
  ]);
  try {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    return { memory: exports.memory as WasmMemory, run: exports[fn] as WasmKernel['run'] };
  } catch {
    return null;
  }
}
