;; The inner loops of trigram scoring (src/core/analyse/language/trigram-model.ts) as one
;; WebAssembly function, loaded by rank-kernel.ts. After editing, run `node scripts/build-kernels.mjs`:
;; it assembles this file into rank-kernel.bytes.ts, which is what the program loads.
;;
;; What it computes, for each distinct trigram of a text (key, count) and each language whose model
;; ranks that trigram (rank 0 = most frequent): distance[language] += |count - rank - 1| - MISSING.
;; franc adds MISSING for a trigram a model lacks and the difference for one it has; subtracting
;; MISSING from the latter instead leaves every language's distance short of franc's by the same
;; MISSING · trigrams, so the ranking is franc's, and a trigram a model lacks costs no work at all.
;;
;; Constants written into the code below; rank-kernel.ts (ASSEMBLED_FOR) holds the same values and
;; refuses a table format that differs, so change all three places together:
;;   0x9e3779b1  HASH_MULTIPLIER: a key's first slot is (key · 0x9e3779b1, wrapping) >>> shift
;;   9 and 511   LENGTH_BITS and its mask: a slot's span is start << 9 | length
;;   300         MISSING (trigram-model.ts's MAX_DIFFERENCE)
;;
;; Memory layout, in bytes (rank-kernel.ts's DISTANCES_AT, TRIGRAMS_AT, MODELS_AT):
;;   0      distances: one i32 per language, at most 512 languages
;;   2048   trigrams: (key, count) pairs of i32, at most 8192 pairs
;;   67584  the models' tables, placed there by rank-kernel.ts (the memory grows as they come)
;; A model's table is two arrays: slots, an open-addressing hash table of (key, span) i32 pairs
;; where key -1 marks an empty slot; entries, i32 values language << 16 | rank, each key's run
;; sorted by language so that a walk may stop at the first language past those scored.
(module
  ;; Two pages: room for the distances and the trigrams; the tables grow the memory.
  (memory (export "memory") 2)

  ;; walk(trigrams, languages, slotsAt, entriesAt, mask, shift): zero the first `languages`
  ;; distances, then add the first `trigrams` pairs' differences to them. slotsAt and entriesAt
  ;; are the byte addresses of the model's two arrays; mask is the slot count less one (a power
  ;; of two); shift turns a key's 32-bit hash into a slot number.
  (func $walk (export "walk")
    (param $trigrams i32) (param $languages i32) (param $slotsAt i32) (param $entriesAt i32)
    (param $mask i32) (param $shift i32)
    (local $at i32)         ;; byte address walked: a distance, then a (key, count) pair
    (local $end i32)        ;; where that walk stops
    (local $e i32)          ;; byte address of the trigram's entry
    (local $eEnd i32)       ;; the end of the trigram's entries
    (local $count i32)      ;; the trigram's count in the text
    (local $entry i32)      ;; first the slot's span (start << 9 | length), then each entry
    (local $difference i32) ;; count - rank - 1, before its absolute value is taken
    (local $distanceAt i32) ;; the entry's language, then the byte address of its distance
    (local $key i32)        ;; the trigram
    (local $slot i32)       ;; the slot probed
    (local $slotKey i32)    ;; the key found in that slot

    ;; Zero the distances (+ 0: the distances' address).
    (local.set $at (i32.const 0))
    (local.set $end (i32.add (i32.shl (local.get $languages) (i32.const 2)) (i32.const 0)))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $at) (local.get $end)))
        (i32.store (local.get $at) (i32.const 0))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $zero)))

    ;; Walk the (key, count) pairs: 8 bytes each, from the trigrams' address 2048.
    (local.set $at (i32.const 2048))
    (local.set $end (i32.add (i32.shl (local.get $trigrams) (i32.const 3)) (i32.const 2048)))
    (block $done
      (loop $trigram
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $key (i32.load (local.get $at)))
        (local.set $count (i32.load offset=4 (local.get $at)))
        (block $next
          ;; Find the key: from its hash, try slot after slot (wrapping at mask) until the key
          ;; or an empty slot (-1, the model lacks the trigram: next trigram).
          (block $found
            (local.set $slot
              (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9e3779b1)) (local.get $shift)))
            (loop $probe
              (local.set $slotKey
                (i32.load (i32.add (i32.shl (local.get $slot) (i32.const 3)) (local.get $slotsAt))))
              (br_if $found (i32.eq (local.get $slotKey) (local.get $key)))
              (br_if $next (i32.eq (local.get $slotKey) (i32.const -1)))
              (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
              (br $probe)))
          ;; The slot's span: its entries are [entriesAt + start·4, + length·4).
          (local.set $entry
            (i32.load offset=4 (i32.add (i32.shl (local.get $slot) (i32.const 3)) (local.get $slotsAt))))
          (local.set $e
            (i32.add
              (i32.shl (i32.shr_u (local.get $entry) (i32.const 9)) (i32.const 2))
              (local.get $entriesAt)))
          (local.set $eEnd
            (i32.add (i32.shl (i32.and (local.get $entry) (i32.const 511)) (i32.const 2)) (local.get $e)))
          ;; The same loop over the entries twice, differing only in the difference added: most
          ;; trigrams of a paragraph occur once, and then |count - rank - 1| is the rank itself.
          (if (i32.eq (local.get $count) (i32.const 1))
            (then
              (block $entriesDone
                (loop $entries
                  (br_if $entriesDone (i32.ge_u (local.get $e) (local.get $eEnd)))
                  (local.set $entry (i32.load (local.get $e)))
                  ;; Past the languages scored, the rest of the run is too (sorted by language).
                  (local.set $distanceAt (i32.shr_u (local.get $entry) (i32.const 16)))
                  (br_if $entriesDone (i32.ge_u (local.get $distanceAt) (local.get $languages)))
                  (local.set $distanceAt (i32.shl (local.get $distanceAt) (i32.const 2)))
                  ;; distance += rank - MISSING
                  (i32.store (local.get $distanceAt)
                    (i32.sub
                      (i32.add
                        (i32.load (local.get $distanceAt))
                        (i32.and (local.get $entry) (i32.const 0xffff)))
                      (i32.const 300)))
                  (local.set $e (i32.add (local.get $e) (i32.const 4)))
                  (br $entries))))
            (else
              (block $entriesDone
                (loop $entries
                  (br_if $entriesDone (i32.ge_u (local.get $e) (local.get $eEnd)))
                  (local.set $entry (i32.load (local.get $e)))
                  (local.set $distanceAt (i32.shr_u (local.get $entry) (i32.const 16)))
                  (br_if $entriesDone (i32.ge_u (local.get $distanceAt) (local.get $languages)))
                  (local.set $distanceAt (i32.shl (local.get $distanceAt) (i32.const 2)))
                  ;; distance += |count - rank - 1| - MISSING; the stack holds the address and
                  ;; the distance while the difference is computed.
                  local.get $distanceAt
                  (i32.load (local.get $distanceAt))
                  (local.set $difference
                    (i32.sub
                      (i32.sub (local.get $count) (i32.and (local.get $entry) (i32.const 0xffff)))
                      (i32.const 1)))
                  (select
                    (local.get $difference)
                    (i32.sub (i32.const 0) (local.get $difference))
                    (i32.ge_s (local.get $difference) (i32.const 0)))
                  i32.add
                  i32.const 300
                  i32.sub
                  i32.store
                  (local.set $e (i32.add (local.get $e) (i32.const 4)))
                  (br $entries))))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $trigram)))))
