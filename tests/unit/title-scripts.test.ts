// Headlines in scripts without letter case, found by shape, position and repetition: a short line
// above the body that does not end like a sentence of its script; never the outlet line or the
// date; and the line shapes those rules read (sentence ends of each script, words as read).

import { describe, expect, test } from 'vitest';
import { extractMetadata } from '../../src/core/analyse/metadata/index.js';
import { isHeadlineShape, isProse, lineWords } from '../../src/core/analyse/metadata/line-shape.js';
import { chooseTitle } from '../../src/core/analyse/metadata/title.js';

// Two body paragraphs per language (UD PUD news sentences and UDHR articles, as in
// tests/fixtures/scripts).
const BODY: Record<string, string[]> = {
  zh: [
    '對於通過社交媒體來跟踪國會山任職變遷的人而言，這次與以往有所不同。',
    '',
    '希拉里的巨額銀行帳戶使政府支出的突破了新上限。',
  ],
  ja: ['室長の対応には終始誠実さが感じられた。', '', '多くの女性が生理のことで悩んでいます。'],
  ar: [
    'لكن بعض خبراء الأمن أثاروا تساؤلات بشأن الحاجة لهذه الدورة والغاية من ورائها.',
    '',
    'تكشف التحليلات أن كميات تاريخية من البيانات كانت تستخدم لإحداث الاضطراب.',
  ],
  hi: [
    'लेकिन कुछ सुरक्षा विशेषज्ञों ने पाठ्यक्रम की आवश्यकता और इसके पीछे प्रयोजन के बारे में सवाल उठाए हैं।',
    '',
    'विश्लेषण से पता चला कि व्यवधान पैदा करने के लिए भारी मात्रा में डेटा का उपयोग किया गया।',
  ],
  th: [
    'แต่จากวาทกรรมก่อนเมื่อไม่นานเกี่ยวกับการลดการอพยพเข้า ตัวแทนจีโอพีให้คำปราศรัยว่า ในฐานะประธานาธิบดี เขาจะอนุญาตให้ผู้เข้าเมืองโดยถูกกฎหมาย “จำนวนมาก” เข้าสู่ประเทศได้ตาม “ระบบคุณธรรม”',
    '',
    'การใช้จ่ายครั้งใหม่นี้ได้รับการสนับสนุนโดยบัญชีธนาคารอันร่ำรวยของคลินตัน',
  ],
  he: [
    'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם.',
    '',
    'לא יהיה אדם עבד או משועבד; עבדות וסחר עבדים יאסרו לכל צורותיהם.',
  ],
};

const title = (lang: string, ...top: string[]): [string | null, number | null] => {
  const m = extractMetadata([...top, '', ...(BODY[lang] as string[])]);
  return [m.title, m.titleLine];
};

describe('the headline of a script without capitals', () => {
  test('a short line at the top is the headline: Chinese, Japanese, Arabic, Hindi, Thai, Hebrew', () => {
    expect(title('zh', '最高限額為每人5,000美元', '2024年5月26日')).toEqual(['最高限額為每人5,000美元', 1]);
    expect(title('ja', '先生の理想は限りなく高い', '2024年5月26日')).toEqual(['先生の理想は限りなく高い', 1]);
    expect(title('ar', 'لم ير الطائرات من قبل سوى بعض المدونين', '١٥ مارس ٢٠٢٤')).toEqual([
      'لم ير الطائرات من قبل سوى بعض المدونين',
      1,
    ]);
    expect(title('hi', 'पहले जेट विमान केवल ब्लॉगर्स द्वारा देखे गए थे', '26 मई 2024')).toEqual([
      'पहले जेट विमान केवल ब्लॉगर्स द्वारा देखे गए थे',
      1,
    ]);
    expect(title('th', 'บทวิเคราะห์เผยว่ามีการใช้ข้อมูลมหาศาลเพื่อทำให้เกิดความขัดข้อง', '26 พฤษภาคม 2567')).toEqual([
      'บทวิเคราะห์เผยว่ามีการใช้ข้อมูลมหาศาลเพื่อทำให้เกิดความขัดข้อง',
      1,
    ]);
    expect(title('he', 'כל אדם יש לו הזכות לחיים, לחרות ולבטחון אישי', '26 במאי 2024')).toEqual([
      'כל אדם יש לו הזכות לחיים, לחרות ולבטחון אישי',
      1,
    ]);
  });

  test('the outlet line above the headline is not the title (NHK, 新华网), nor the one below it', () => {
    expect(title('ja', 'NHK', '先生の理想は限りなく高い', '2024年5月26日')).toEqual(['先生の理想は限りなく高い', 2]);
    expect(title('zh', '新华网', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日')).toEqual([
      '此前，只有博客撰稿人見過這些噴氣機',
      2,
    ]);
    expect(title('zh', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日', '新华网')).toEqual([
      '此前，只有博客撰稿人見過這些噴氣機',
      1,
    ]);
  });

  test('a short headline above the outlet line stays the title (世界人权宣言 over 新华网)', () => {
    expect(title('zh', '世界人权宣言', '发布时间：2024年5月26日 10:30', '新华网')).toEqual(['世界人权宣言', 1]);
  });

  test('a date is never the title (9/6/2024 above the headline)', () => {
    expect(title('ar', '9/6/2024', 'الجزيرة', 'لم ير الطائرات من قبل سوى بعض المدونين')).toEqual([
      'لم ير الطائرات من قبل سوى بعض المدونين',
      3,
    ]);
  });

  test('a line printed twice is the headline, whatever stands above it', () => {
    const m = extractMetadata([
      'Thông tấn xã Việt Nam',
      'Hai vợ chồng lời qua tiếng lại khá căng thẳng',
      '',
      'Hai vợ chồng lời qua tiếng lại khá căng thẳng',
      '',
      'Anh bấm máy, chuông đổ nhưng không có người nhận. Bỏ con cá làm dở, Thu đọc mẩu tin.',
    ]);
    expect([m.title, m.titleLine]).toEqual(['Hai vợ chồng lời qua tiếng lại khá căng thẳng', 2]);
    expect(m.boilerplate).toEqual([1, 2, 4]);
  });

  test('a one-line Chinese sentence ending in 。 is the body, not a headline', () => {
    const m = extractMetadata([
      '希拉里的巨額銀行帳戶使政府支出的突破了新上限。',
      '',
      '她的所言所行，簡直令人難以置信。',
    ]);
    expect(m.title).toBeNull();
  });
});

describe('line shapes in every script', () => {
  test('a line ending like a sentence of its script is prose, and no headline', () => {
    for (const line of [
      '希拉里的巨額銀行帳戶使政府支出的突破了新上限。',
      'लेकिन कुछ सुरक्षा विशेषज्ञों ने सवाल उठाए हैं।',
      'عبارت او نمی‌رساند که فردوسی در این باغ اقامت داشته،',
    ]) {
      expect([line, isHeadlineShape(line)]).toEqual([line, false]);
    }
    expect(isProse('希拉里的巨額銀行帳戶使政府支出的突破了新上限。')).toBe(true);
    expect(isProse('लेकिन कुछ सुरक्षा विशेषज्ञों ने सवाल उठाए हैं।')).toBe(true);
  });

  test('a question headline of its script is a headline', () => {
    expect(isHeadlineShape('大阪万博は成功するか？')).toBe(true);
    expect(isProse('大阪万博は成功するか？')).toBe(false);
    expect(isHeadlineShape('هل تنضم مينسك إلى الحرب؟')).toBe(true);
  });

  test('words of a line are counted as read: the segmenter for scripts without spaces', () => {
    expect(lineWords('人民网')).toBe(2);
    expect(lineWords('此前，只有博客撰稿人見過這些噴氣機')).toBeGreaterThan(5);
    expect(lineWords('Le Kremlin annonce des exercices')).toBe(5);
  });

  test('Latin headlines keep needing a capital or a digit', () => {
    expect(isHeadlineShape('poutine approuve des centres')).toBe(false);
    expect(isHeadlineShape('Poutine approuve des centres')).toBe(true);
  });
});

describe('chooseTitle', () => {
  const c = (index: number, text: string) => ({ index, text, outletLike: false });
  test('a repeated candidate wins over an earlier long one, which is a stray', () => {
    const choice = chooseTitle([
      c(0, 'Thông tấn xã Việt Nam'),
      c(1, 'Hai vợ chồng lời qua'),
      c(3, 'Hai vợ chồng lời qua'),
    ]);
    expect(choice.title?.index).toBe(1);
    expect(choice.strays.map((s) => s.index)).toEqual([0]);
  });
  test('an outlet name printed twice is no repeated headline', () => {
    const choice = chooseTitle([c(0, 'CNN'), c(1, 'Poutine approuve des centres'), c(2, 'CNN')]);
    expect(choice.title?.index).toBe(1);
  });
  test('without repetition, the first candidate of three words or more', () => {
    const choice = chooseTitle([c(0, 'NHK'), c(1, '先生の理想は限りなく高い')]);
    expect(choice.title?.index).toBe(1);
  });
});
