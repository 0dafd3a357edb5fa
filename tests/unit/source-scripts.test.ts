// The outlet in every script, found by the line's shape and place: the short name line under the
// dateline or above the headline (`新华网`, `ТАСС`, `الجزيرة`), a `source:` label in the local
// language (`来源：`, `출처:`, `المصدر:`), also after a date on the same line; never a kicker, a
// section name, a menu item, an author or a body sentence.

import { describe, expect, test } from 'vitest';
import { extractMetadata, readSourceLine } from '../../src/core/analyse/metadata/index.js';
import { splitAtSourceLabels } from '../../src/core/analyse/metadata/source.js';

// Two body paragraphs per language (UDHR articles and UD PUD news sentences, as in
// tests/fixtures/scripts).
const BODY: Record<string, string[]> = {
  zh: [
    '人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。',
    '',
    '人人有权享有生命、自由和人身安全。',
  ],
  ar: [
    'لكن بعض خبراء الأمن أثاروا تساؤلات بشأن الحاجة لهذه الدورة والغاية من ورائها.',
    '',
    'تكشف التحليلات أن كميات تاريخية من البيانات كانت تستخدم لإحداث الاضطراب.',
  ],
  ru: [
    'Все люди рождаются свободными и равными в своем достоинстве и правах.',
    '',
    'Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.',
  ],
  fr: [
    'Tous les êtres humains naissent libres et égaux en dignité et en droits.',
    '',
    'Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.',
  ],
  vi: [
    'Tất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền lợi.',
    '',
    'Mọi người đều có quyền sống, quyền tự do và an toàn cá nhân.',
  ],
};

/** The source and its line in a document of `top` lines above a blank line and the body. */
const source = (lang: string, ...top: string[]): [string | null, number | null] => {
  const m = extractMetadata([...top, '', ...(BODY[lang] as string[])]);
  return [m.source, m.sourceLine];
};

describe('the outlet line by its place, in any script', () => {
  test('the name right under the dateline: Chinese, Arabic, Thai, Greek, Turkish, Vietnamese', () => {
    expect(source('zh', '最高限額為每人5,000美元', '2024年5月26日', '新华网')).toEqual(['新华网', 3]);
    expect(source('ar', 'لم ير الطائرات من قبل سوى بعض المدونين', '١٥ مارس ٢٠٢٤', 'صوت الشرق')).toEqual([
      'صوت الشرق',
      3,
    ]);
    expect(source('zh', '2024年5月26日', '南方周末', '', '此前，只有博客撰稿人見過這些噴氣機')).toEqual([
      '南方周末',
      2,
    ]);
    expect(source('ru', 'Ранее самолеты видели только блогеры', '15 марта 2024 г., 10:30', 'Волжская правда')).toEqual([
      'Волжская правда',
      3,
    ]);
    expect(source('fr', 'Les ministres divisés sur le droit d’asile', '3 janvier 2022', 'Sudinfo')).toEqual([
      'Sudinfo',
      3,
    ]);
    expect(source('vi', 'Hai vợ chồng lời qua tiếng lại khá căng thẳng', '9/6/2024', 'Báo Lao động')).toEqual([
      'Báo Lao động',
      3,
    ]);
  });

  test('the masthead right above the headline: an acronym, an outlet word, a name without case', () => {
    expect(source('ru', 'ИТАР', 'Ранее самолеты видели только блогеры', '15 марта 2024')).toEqual(['ИТАР', 1]);
    expect(source('vi', 'VnExpress', 'Nếu mũ trẻ con thì bán như cho', '26 tháng 5, 2024')).toEqual(['VnExpress', 1]);
    expect(source('zh', '南方网', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日')).toEqual(['南方网', 1]);
    expect(source('ar', 'وكالة الأنباء', 'لم ير الطائرات من قبل سوى بعض المدونين', '١٥ مارس ٢٠٢٤')).toEqual([
      'وكالة الأنباء',
      1,
    ]);
  });

  test('the outlet of a line "City / Outlet" or "Author | Outlet" beside the date', () => {
    expect(source('fr', 'Toute personne a droit à l’éducation', '29 octobre 2023', 'São paulo / PTI')).toEqual([
      'PTI',
      3,
    ]);
    expect(
      source('fr', 'Toute personne a droit à l’éducation', '29 octobre 2023', 'Anna Ivanova | Gulf Observer'),
    ).toEqual(['Gulf Observer', 3]);
  });

  test('a kicker, a section name, a menu item, an author or a headline in capitals is no outlet', () => {
    expect(source('fr', 'Politique', 'Les ministres divisés sur le droit d’asile', '3 janvier 2022')).toEqual([
      null,
      null,
    ]);
    expect(source('zh', '国际', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日')).toEqual([null, null]);
    expect(source('zh', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日', '要闻')).toEqual([null, null]);
    expect(source('ar', 'لم ير الطائرات من قبل سوى بعض المدونين', '١٥ مارس ٢٠٢٤', 'الرئيسية')).toEqual([null, null]);
    expect(source('fr', 'Les ministres divisés sur le droit d’asile', 'Wir für Kurz', '30.07.2019')).toEqual([
      null,
      null,
    ]);
    expect(source('fr', 'Les ministres divisés sur le droit d’asile', '3 janvier 2022', 'Jean Dupont')).toEqual([
      null,
      null,
    ]);
    expect(source('fr', 'Les ministres divisés', '3 janvier 2022', 'UNE DÉCLARATION UNIVERSELLE')).toEqual([
      null,
      null,
    ]);
  });

  test('a body sentence is never the outlet, nor a line far from the dateline and the headline', () => {
    expect(source('zh', '此前，只有博客撰稿人見過這些噴氣機', '2024年5月26日')).toEqual([null, null]);
    const m = extractMetadata([
      'Ранее самолеты видели только блогеры',
      '15 марта 2024',
      '',
      'Все люди рождаются свободными и равными в своем достоинстве и правах.',
      '',
      'Волжская правда',
      '',
      'Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.',
    ]);
    expect(m.source).toBeNull();
  });
});

describe('a source label in the local language', () => {
  test('each label names the outlet after it', () => {
    const labelled: [string, string][] = [
      ['来源：新华网', '新华网'],
      ['來源: 中央社', '中央社'],
      ['出典：共同通信', '共同通信'],
      ['출처: 연합뉴스', '연합뉴스'],
      ['المصدر: الجزيرة', 'الجزيرة'],
      ['Источник: Волжская правда', 'Волжская правда'],
      ['Πηγή: ΑΠΕ-ΜΠΕ', 'ΑΠΕ-ΜΠΕ'],
      ['Kaynak: Anadolu Ajansı', 'Anadolu Ajansı'],
      ['Nguồn: Thông tấn xã Việt Nam', 'Thông tấn xã Việt Nam'],
      ['स्रोत: प्रसार भारती', 'प्रसार भारती'],
      ['מקור: כאן חדשות', 'כאן חדשות'],
      ['منبع: ایرنا', 'ایرنا'],
      ['ที่มา: ไทยรัฐ', 'ไทยรัฐ'],
      ['来源：新华网 作者：王明', '新华网'],
    ];
    expect(labelled.map(([line]) => [line, readSourceLine(line)?.source])).toEqual(labelled);
  });

  test('a label after the date splits the line; a line without one stays whole', () => {
    expect(splitAtSourceLabels(['2023年01月31日 18:14 来源：新华网'])).toEqual([
      '2023年01月31日 18:14',
      '来源：新华网',
    ]);
    expect(splitAtSourceLabels(['2023年01月31日 18:14来源：新华网'])).toEqual(['2023年01月31日 18:14', '来源：新华网']);
    expect(splitAtSourceLabels(['15 марта 2024 Источник: ТАСС'])).toEqual(['15 марта 2024', 'Источник: ТАСС']);
    expect(splitAtSourceLabels(['Opensource: le code'])).toEqual(['Opensource: le code']);
    expect(splitAtSourceLabels(['2023年01月31日 18:14'])).toEqual(['2023年01月31日 18:14']);
    expect(splitAtSourceLabels(['Anna Ivanova', '3 mars 2024 Source: AFP'])).toEqual([
      'Anna Ivanova',
      '3 mars 2024',
      'Source: AFP',
    ]);
  });

  test('a dateline with its source: both are read, and the line is metadata', () => {
    const m = extractMetadata([
      '俄罗斯与白俄罗斯举行联合军事演习',
      '',
      '2023年01月31日 18:14 来源：新华网',
      '',
      ...(BODY.zh as string[]),
    ]);
    expect([m.title, m.date, m.dateLine, m.source, m.sourceLine]).toEqual([
      '俄罗斯与白俄罗斯举行联合军事演习',
      '2023-01-31T18:14',
      3,
      '新华网',
      3,
    ]);
    expect(m.boilerplate).toContain(3);
  });
});
