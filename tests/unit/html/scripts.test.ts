// Pages in Chinese, Japanese, Arabic, Thai and Russian: their text comes out whole, their article
// is found (a 40-character Chinese sentence is a long line, a Thai line's vowel marks add no
// length), and their dates are read.
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../src/core/input/html/extract.js';
import { textSize } from '../../../src/core/input/html/text-size.js';

/** A page with a menu of short links, an article of `paragraphs` and a footer. */
function page(lang: string, menu: string[], headline: string, paragraphs: string[], footer: string): string {
  return (
    `<html lang="${lang}"><body><nav><ul>${menu.map((m) => `<li><a href="#">${m}</a></li>`).join('')}</ul></nav>` +
    `<div class="content"><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>` +
    `<div class="footer"><p>${footer}</p></div></body></html>`
  );
}

function body(html: string): string[] {
  const doc = extractHtml(html);
  const boiler = new Set(doc.boilerplate);
  return doc.text.split('\n').filter((l, i) => l !== '' && !boiler.has(i + 1));
}

describe('reading length', () => {
  test('CJK characters count twice, combining marks not at all, Latin and Cyrillic once', () => {
    expect(textSize('abc')).toBe(3);
    expect(textSize('новости')).toBe(7);
    expect(textSize('中国新闻')).toBe(8);
    expect(textSize('한국어')).toBe(6);
    // ข่าว: four code points, one of them a tone mark.
    expect(textSize('ข่าว')).toBe(3);
  });
});

describe('pages in other scripts', () => {
  test('Chinese: sentences of 30 to 40 characters are the article, the menu is not', () => {
    const paragraphs = [
      '北京市政府周二宣布，将在未来三年内投入大量资金改善城市公共交通系统。',
      '新的地铁线路预计将于明年年底开通，届时将大大缓解市中心的交通拥堵问题。',
      '专家表示，这一计划将对城市居民的日常出行产生深远的积极影响和改变。',
    ];
    const html = page(
      'zh-CN',
      ['首页', '新闻', '体育', '财经'],
      '北京将改善公共交通',
      paragraphs,
      '版权所有 © 2024 新闻网',
    );
    expect(body(html)).toEqual(['北京将改善公共交通', ...paragraphs]);
    expect(extractHtml(html).lang).toBe('zh-CN');
  });

  test('Arabic: the article is found (the dateline above it is not) and an Arabic month name is read', () => {
    const paragraphs = [
      'أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لتحسين شبكة النقل العام في المدينة خلال السنوات الثلاث المقبلة.',
      'وقال المتحدث الرسمي إن المشروع سيوفر آلاف فرص العمل للشباب في مختلف المناطق والقطاعات الاقتصادية.',
    ];
    const html = page(
      'ar',
      ['الرئيسية', 'أخبار', 'رياضة'],
      'خطة جديدة للنقل العام',
      ['الأربعاء، 07 أكتوبر 2020', ...paragraphs],
      'جميع الحقوق محفوظة ©',
    );
    expect(body(html)).toEqual(['خطة جديدة للنقل العام', ...paragraphs]);
    expect(extractHtml(html).fields.date).toBe('2020-10-07');
  });

  test('Thai: lines with vowel and tone marks are the article', () => {
    const paragraphs = [
      'รัฐบาลประกาศแผนการปรับปรุงระบบขนส่งสาธารณะในกรุงเทพมหานครภายในสามปีข้างหน้าเพื่อลดปัญหาการจราจรติดขัด',
      'ผู้เชี่ยวชาญกล่าวว่าโครงการนี้จะช่วยให้ประชาชนเดินทางได้สะดวกและรวดเร็วมากขึ้นในชีวิตประจำวัน',
    ];
    const html = page('th', ['หน้าแรก', 'ข่าว', 'กีฬา'], 'แผนขนส่งสาธารณะใหม่', paragraphs, 'สงวนลิขสิทธิ์ ©');
    expect(body(html)).toEqual(['แผนขนส่งสาธารณะใหม่', ...paragraphs]);
  });

  test('Russian: a Cyrillic month name in the dateline is read', () => {
    const paragraphs = [
      'Правительство во вторник объявило о новом плане по улучшению общественного транспорта в городе.',
      'По словам представителя министерства, проект создаст тысячи рабочих мест для молодежи региона.',
    ];
    const html = page(
      'ru',
      ['Главная', 'Новости', 'Спорт'],
      'Новый план транспорта',
      ['15 августа 2016, 13:43', ...paragraphs],
      '© 2016 Новости',
    );
    expect(extractHtml(html).fields.date).toBe('2016-08-15');
    expect(body(html)).toContain(paragraphs[0]);
  });

  test('Japanese: a date written with 年月日 is read', () => {
    const html = page(
      'ja',
      ['ホーム'],
      '見出し',
      ['2019年6月24日 11時30分', '子どもへの体罰を禁止する法律ができました。'],
      '著作権',
    );
    expect(extractHtml(html).fields.date).toBe('2019-06-24');
  });
});
