import { describe, expect, test } from 'vitest';
import { logLikelihood2x2, scoreCollocate } from '../../src/core/collocates/index.js';

describe('collocation measures', () => {
  test('each measure on a hand-computed example', () => {
    // O11 = 4, f(n) = 10, f(c) = 20, N = 1000, window 2,2 so S = 4.
    // E11  = f(n)·f(c)·S/N = 10·20·4/1000 = 0.8
    // logDice = 14 + log2(2·4/(10+20)) = 14 + log2(0.26667) = 14 − 1.90689 = 12.09311
    // MI   = log2(4/0.8) = log2(5) = 2.32193
    // MI3  = log2(4³/0.8) = log2(80) = 6.32193
    // t    = (4 − 0.8)/√4 = 1.6
    // G²: R1 = f(n)·S = 40, C1 = 20; O11 = 4, O12 = 36, O21 = 16, O22 = 1000 − 40 − 20 + 4 = 944;
    //     E11 = 0.8, E12 = 40·980/1000 = 39.2, E21 = 960·20/1000 = 19.2, E22 = 960·980/1000 = 940.8;
    //     G² = 2·(4·ln 5 + 36·ln(36/39.2) + 16·ln(16/19.2) + 944·ln(944/940.8))
    //        = 2·(6.43775 − 3.06568 − 2.91714 + 3.20544) = 7.32072
    const s = scoreCollocate({ o11: 4, fc: 20, fn: 10, n: 1000, span: 4 });
    expect(s.expected).toBeCloseTo(0.8, 10);
    expect(s.logDice).toBeCloseTo(12.09311, 5);
    expect(s.mi).toBeCloseTo(2.32193, 5);
    expect(s.mi3).toBeCloseTo(6.32193, 5);
    expect(s.t).toBeCloseTo(1.6, 10);
    expect(s.ll).toBeCloseTo(7.32072, 5);
  });

  test('log-likelihood is signed negative when the pair is rarer than expected', () => {
    // O11 = 1, R1 = 100, C1 = 100, N = 1000: E11 = 10 > O11.
    // O12 = 99, O21 = 99, O22 = 801; E12 = E21 = 90, E22 = 810.
    // G² = 2·(1·ln(1/10) + 2·99·ln(99/90) + 801·ln(801/810)) = 2·(−2.30259 + 18.87142 − 8.94981) = 15.23803
    expect(logLikelihood2x2(1, 100, 100, 1000)).toBeCloseTo(-15.23803, 4);
  });

  test('an empty cell adds nothing, and a cell pushed below 0 by overlapping windows counts as 0', () => {
    // O11 = 3 > C1 = 2 (one token in two windows): O21 = max(0, 2 − 3) = 0.
    // R1 = 4, N = 10: O12 = 1, O22 = 10 − 4 − 2 + 3 = 7; E11 = 0.8, E12 = 4·8/10 = 3.2, E22 = 6·8/10 = 4.8.
    // G² = 2·(3·ln(3/0.8) + 1·ln(1/3.2) + 7·ln(7/4.8)) = 2·(3.96527 − 1.16315 + 2.64106) = 10.88635
    expect(logLikelihood2x2(3, 4, 2, 10)).toBeCloseTo(10.88635, 4);
  });
});
