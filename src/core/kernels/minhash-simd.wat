;; The MinHash inner loop (src/core/stats/near-duplicates.ts) as a WebAssembly SIMD function,
;; loaded by minhash-simd.ts. After editing, run `node scripts/build-kernels.mjs`: it assembles
;; this file into minhash-simd.bytes.ts, which is what the program loads.
;;
;; A document's signature is, for each of 128 hash functions h_p(x) = MUL[p]·x + ADD[p] (32-bit,
;; wrapping), the least h_p over the document's shingle hashes x, compared as unsigned numbers.
;; SIMD has a signed minimum only: flipping the top bit maps unsigned order onto signed order, so
;; ADD comes here with its top bit flipped (which flips the top bit of every h_p: a carry out of
;; the top bit falls off the end), the minimum is signed, and the result is flipped back.
;; Each instruction takes four hash functions; a pass over the shingles takes sixteen (four
;; vectors), so eight passes make the 128.
;;
;; Memory layout, in bytes (minhash-simd.ts's MUL_AT, ADD_AT, OUT_AT, SHINGLES_AT):
;;   0      MUL: 128 multipliers, i32
;;   512    ADD: 128 addends, i32, top bit flipped
;;   1024   the signature written: 128 i32
;;   1536   the n shingle hashes, i32 (minhash-simd.ts grows the memory for a long document)
(module
  ;; One page: room for 16,000 shingles before minhash-simd.ts needs to grow it.
  (memory (export "memory") 1)

  ;; minhash(n): the signature of the n (at least one) shingles at 1536, into 1024.
  (func $minhash (export "minhash") (param $n i32)
    (local $p i32)   ;; byte offset of the pass's first hash function: 0, 64, … 448
    (local $i i32)   ;; byte address of the shingle
    (local $end i32) ;; the end of the shingles
    (local $x v128)  ;; the shingle, in all four lanes
    ;; The pass's sixteen hash functions, four to a vector, and their minima so far.
    (local $mul0 v128) (local $mul1 v128) (local $mul2 v128) (local $mul3 v128)
    (local $add0 v128) (local $add1 v128) (local $add2 v128) (local $add3 v128)
    (local $min0 v128) (local $min1 v128) (local $min2 v128) (local $min3 v128)

    (local.set $end (i32.add (i32.shl (local.get $n) (i32.const 2)) (i32.const 1536)))
    (loop $pass
      (local.set $mul0 (v128.load offset=0 (local.get $p)))
      (local.set $mul1 (v128.load offset=16 (local.get $p)))
      (local.set $mul2 (v128.load offset=32 (local.get $p)))
      (local.set $mul3 (v128.load offset=48 (local.get $p)))
      (local.set $add0 (v128.load offset=512 (local.get $p)))
      (local.set $add1 (v128.load offset=528 (local.get $p)))
      (local.set $add2 (v128.load offset=544 (local.get $p)))
      (local.set $add3 (v128.load offset=560 (local.get $p)))
      ;; The greatest signed value: any hash is at most that.
      (local.set $min0 (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
      (local.set $min1 (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
      (local.set $min2 (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
      (local.set $min3 (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
      (local.set $i (i32.const 1536))
      ;; A do-while: there is at least one shingle.
      (loop $shingle
        (local.set $x (i32x4.splat (i32.load (local.get $i))))
        ;; min = min(min, x·mul + add), lane by lane
        (local.set $min0
          (i32x4.min_s (local.get $min0) (i32x4.add (i32x4.mul (local.get $x) (local.get $mul0)) (local.get $add0))))
        (local.set $min1
          (i32x4.min_s (local.get $min1) (i32x4.add (i32x4.mul (local.get $x) (local.get $mul1)) (local.get $add1))))
        (local.set $min2
          (i32x4.min_s (local.get $min2) (i32x4.add (i32x4.mul (local.get $x) (local.get $mul2)) (local.get $add2))))
        (local.set $min3
          (i32x4.min_s (local.get $min3) (i32x4.add (i32x4.mul (local.get $x) (local.get $mul3)) (local.get $add3))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br_if $shingle (i32.lt_u (local.get $i) (local.get $end))))
      ;; The minima, top bit flipped back, into the signature at 1024.
      (v128.store offset=1024 (local.get $p)
        (v128.xor (local.get $min0) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      (v128.store offset=1040 (local.get $p)
        (v128.xor (local.get $min1) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      (v128.store offset=1056 (local.get $p)
        (v128.xor (local.get $min2) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      (v128.store offset=1072 (local.get $p)
        (v128.xor (local.get $min3) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
      ;; Next pass, while p is short of the 512 bytes of MUL.
      (local.set $p (i32.add (local.get $p) (i32.const 64)))
      (br_if $pass (i32.lt_u (local.get $p) (i32.const 512))))))
