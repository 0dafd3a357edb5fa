// Loads the small WebAssembly kernels (rank-kernel.ts, minhash-simd.ts) from the bytes that
// scripts/build-kernels.mjs assembles from their .wat sources (the generated *.bytes.ts): decoded
// and compiled only when a kernel is first asked for.

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

/** A kernel: its one function, called with i32 arguments, and the memory it works in. */
export interface WasmKernel {
  memory: WasmMemory;
  run: (...args: number[]) => void;
}

/**
 * Decodes, compiles and instantiates the module whose bytes are `base64` (a kernel's generated
 * `.bytes.ts`), which imports nothing and exports `memory` and the function `fn`. Null where
 * WebAssembly, or an instruction the module uses (SIMD), is not available (`node --jitless`):
 * the caller then runs its JavaScript loop.
 *
 * @throws Error when the module lacks either export: the .wat and its caller disagree.
 */
export function loadKernel(base64: string, fn: string): WasmKernel | null {
  if (typeof WebAssembly !== 'object') return null;
  let exports: Record<string, unknown>;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64'))).exports;
  } catch {
    return null;
  }
  const { memory, [fn]: run } = exports;
  if (typeof memory !== 'object' || memory === null || typeof run !== 'function') {
    throw new Error(`WebAssembly kernel: no exports "memory" and "${fn}"`);
  }
  return { memory: memory as WasmMemory, run: run as WasmKernel['run'] };
}
