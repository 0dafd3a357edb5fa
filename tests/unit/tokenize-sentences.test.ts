// Sentence ends in every script as the tokenizer marks them (the `sentence` gap): `. ! ?` before a
// space, the full stops of scripts written without spaces with none after them, and the kin of
// `.` in other scripts; words of Chinese, Japanese and Thai cut by the segmenter.

import { describe, expect, test } from 'vitest';
import { countSentences, countWords, tokenize } from '../../src/core/stats/tokenize.js';

describe('sentences in every script', () => {
  test('。！？ and ｡ end a sentence with no space after them', () => {
    expect(
      countSentences('希拉里的巨額銀行帳戶使政府支出的突破了新上限。她的所言所行，簡直令人難以置信！真的嗎？'),
    ).toBe(3);
    expect(countSentences('室長の対応には終始誠実さが感じられた｡多くの女性が悩んでいます｡')).toBe(2);
  });

  test('ASCII ! and ? end a sentence between two words of Japanese or Chinese, without a space', () => {
    expect(countSentences('世界伝道などはありえない!しばらくの完全休養とリハビリが必要とのことでした。')).toBe(2);
    expect(countSentences('本当ですか?はい、本当です。')).toBe(2);
  });

  test('a period inside Latin text still needs a space, and a number keeps its separators', () => {
    expect(countSentences('Le site example.com a 5.000 lecteurs. Il grandit.')).toBe(2);
    expect(countSentences('最高限額為每人5,000美元。')).toBe(1);
  });

  test('the danda, the Arabic question mark, the Urdu and Armenian full stops end sentences', () => {
    expect(countSentences('विश्लेषण से पता चला। यह सच है।')).toBe(2);
    expect(countSentences('هل تنضم مينسك إلى الحرب؟ لا أحد يعرف.')).toBe(2);
    expect(countSentences('یہ ایک جملہ ہے۔ یہ دوسرا ہے۔')).toBe(2);
    expect(countSentences('Սա առաջին նախադասությունն է։ Սա երկրորդն է։')).toBe(2);
  });

  test('the Khmer khan and the Myanmar section mark end sentences inside a run', () => {
    expect(countSentences('ខ្ញុំស្រលាញ់ប្រទេសកម្ពុជា។ខ្ញុំរស់នៅភ្នំពេញ។')).toBe(2);
    expect(countSentences('မြန်မာနိုင်ငံ။ရန်ကုန်မြို့။')).toBe(2);
  });
});

describe('words of scripts without spaces', () => {
  test('a Chinese sentence is cut into words, not counted as one', () => {
    const words = tokenize('希拉里的巨額銀行帳戶使政府支出的突破了新上限。').map((t) => t.text);
    expect(words.length).toBeGreaterThanOrEqual(8);
    expect(words).toContain('銀行');
  });

  test('Thai is cut into words; Korean keeps its spaces', () => {
    expect(countWords('การใช้จ่ายครั้งใหม่นี้ได้รับการสนับสนุน')).toBeGreaterThanOrEqual(5);
    expect(countWords('새로운 지출금은 클린턴의 거액의 은행 계좌에서 충당되었다.')).toBe(7);
  });
});
