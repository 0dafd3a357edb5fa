import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../src/core/analyse/language/detect-language.js';

// Hand-written news-style paragraphs (not from the UDHR, which franc's models were built from).
const ENG =
  'The government announced on Tuesday that it would raise interest rates for the third time this year, citing stubborn inflation and a labour market that remains tight. Economists had expected the move, but several warned that higher borrowing costs could push the economy into recession before the end of the year. Shares fell sharply in early trading, while the pound rose against the dollar.';
const FRA =
  'Le gouvernement a annoncé mardi une nouvelle hausse des taux d’intérêt, la troisième cette année, en invoquant une inflation persistante et un marché du travail toujours tendu. Les économistes s’attendaient à cette décision, mais plusieurs ont averti que le coût plus élevé du crédit pourrait plonger l’économie dans la récession avant la fin de l’année. Les actions ont nettement reculé à l’ouverture.';
const FRA_2 =
  'Les syndicats ont salué cette décision, tout en regrettant qu’elle arrive si tard. Selon eux, les salariés les plus modestes ont déjà perdu une part importante de leur pouvoir d’achat depuis le début de la crise, et les mesures annoncées ne suffiront pas à compenser cette perte.';
const DEU =
  'Die Bundesregierung hat am Dienstag angekündigt, die Förderung für Elektroautos früher als geplant auslaufen zu lassen. Die Autoindustrie reagierte mit scharfer Kritik: Man habe sich auf die Zusagen verlassen, nun drohten Kunden ihre Bestellungen zu stornieren. Der Wirtschaftsminister verteidigte die Entscheidung mit dem Hinweis auf die angespannte Haushaltslage und das Urteil des Verfassungsgerichts.';
const SPA =
  'El Gobierno anunció este martes un nuevo paquete de ayudas para los agricultores afectados por la sequía, que ya ha provocado pérdidas millonarias en varias comunidades autónomas. El ministro explicó que las ayudas llegarán antes del verano y que se priorizará a las pequeñas explotaciones familiares. Las organizaciones agrarias consideran insuficientes las medidas y mantienen las protestas convocadas para la próxima semana.';
const RUS =
  'Правительство во вторник объявило о повышении ключевой ставки, сославшись на ускорение инфляции и ослабление рубля. Экономисты ожидали этого решения, однако некоторые из них предупредили, что дорогие кредиты могут замедлить рост экономики уже в следующем году. Банки начали повышать ставки по вкладам и ипотеке сразу после заявления регулятора.';
const CMN =
  '政府周二宣布，将从明年起提高最低工资标准，以应对持续上涨的生活成本。财政部长表示，这一措施将惠及数百万劳动者，并有助于刺激国内消费。不过，部分企业主担心人工成本上升会给中小企业带来沉重负担，呼吁政府同时出台减税措施。';
const JPN =
  '政府は火曜日、来年度から最低賃金を引き上げると発表した。財務大臣は、物価の上昇が続く中で働く人々の生活を支えるために必要な措置だと説明した。一方で、中小企業の経営者からは人件費の増加に耐えられないとの声が上がっており、政府に対して支援策を求めている。';
const ARB =
  'أعلنت الحكومة يوم الثلاثاء عن حزمة جديدة من الإجراءات لدعم الأسر ذات الدخل المحدود في مواجهة ارتفاع الأسعار. وقال وزير المالية إن الدعم سيشمل الخبز والوقود والكهرباء، وإن التمويل سيأتي من خفض النفقات الحكومية. ورحب عدد من النواب بالقرار، لكنهم طالبوا بآليات رقابة تضمن وصول الدعم إلى مستحقيه.';
const CYM =
  'Cyhoeddodd y llywodraeth ddydd Mawrth y bydd cyllid ychwanegol ar gyfer ysgolion yng nghefn gwlad Cymru. Dywedodd y gweinidog addysg fod llawer o ysgolion bach wedi wynebu toriadau dros y blynyddoedd diwethaf a bod angen sicrhau dyfodol iddynt. Mae undebau athrawon wedi croesawu’r penderfyniad ond yn dweud nad yw’r arian yn ddigon.';
const EUS =
  'Gobernuak astearteko agerraldian iragarri zuen datorren urtetik aurrera gutxieneko soldata igoko dela. Ogasun sailburuaren arabera, neurriak milaka langileri eragingo die eta etxeetako erosteko ahalmena babestuko du. Enpresaburuen elkarteek, ordea, ohartarazi dute enpresa txikiek ezin izango dituztela kostu berriak bere gain hartu.';
const LAT =
  'Senatus populusque Romanus bellum adversus hostes decrevit, postquam legati ex provincia rettulerunt urbes sociorum captas et agros vastatos esse. Consul exercitum celeriter conscripsit et ad fines profectus est, ut socios defenderet et hostium impetum reprimeret. Cives autem timebant ne bellum longum et grave fieret.';

describe('detectLanguage: the public API', () => {
  test('returns exactly lang, langConfidence and languages', () => {
    const result = detectLanguage([ENG]);
    expect(Object.keys(result).sort()).toEqual(['lang', 'langConfidence', 'languages']);
    expect(result.langConfidence).toBeGreaterThan(0);
    expect(result.langConfidence).toBeLessThanOrEqual(1);
  });
});

describe('detectLanguage: one language', () => {
  test.each([
    ['eng', ENG],
    ['fra', FRA],
    ['deu', DEU],
    ['spa', SPA],
    ['rus', RUS],
    ['cmn', CMN],
    ['jpn', JPN],
    ['arb', ARB],
  ])('%s', (lang, text) => {
    const result = detectLanguage([text]);
    expect(result.lang).toBe(lang);
    expect(result.languages).toEqual([{ lang, share: 1 }]);
    expect(result.langConfidence).toBeGreaterThan(0.4);
  });

  // franc's default set has none of these and names them as other languages, confidently.
  test.each([
    ['cym', CYM],
    ['eus', EUS],
    ['lat', LAT],
  ])('%s, which only franc-all knows', (lang, text) => {
    const result = detectLanguage([text]);
    expect(result.lang).toBe(lang);
    expect(result.languages).toEqual([{ lang, share: 1 }]);
  });

  test('a Scots-looking English sentence is English: minor languages yield to their major neighbour', () => {
    expect(detectLanguage(['The cat sat on the mat, and the dog slept by the fire all day.']).lang).toBe('eng');
  });
});

describe('detectLanguage: und rather than a guess', () => {
  test('empty input has no language and no shares', () => {
    expect(detectLanguage([])).toEqual({ lang: 'und', langConfidence: 0, languages: [] });
    expect(detectLanguage(['', '   '])).toEqual({ lang: 'und', langConfidence: 0, languages: [] });
  });

  test.each(['Hello', 'Bonjour à tous', 'Le chat dort.', '12 345 — 67,8 %'])('too short: %j', (text) => {
    const result = detectLanguage([text]);
    expect(result.lang).toBe('und');
    expect(result.languages).toEqual([{ lang: 'und', share: 1 }]);
    expect(result.langConfidence).toBeLessThan(0.25);
  });

  test('a long clean text is more certain than a short ambiguous one', () => {
    const long = detectLanguage([FRA, FRA_2]).langConfidence;
    const short = detectLanguage(['Le chat dort sur le canapé du salon.']).langConfidence;
    expect(long).toBeGreaterThan(0.75);
    expect(short).toBeLessThan(0.5);
    expect(long).toBeGreaterThan(short + 0.3);
  });
});

describe('detectLanguage: mixed documents', () => {
  test('a French article with an English paragraph reports both, by character share', () => {
    // FRA is 402 characters, ENG 392, FRA_2 279: French (402 + 279) / 1073 = 0.635,
    // English 392 / 1073 = 0.365.
    expect([FRA.length, ENG.length, FRA_2.length]).toEqual([402, 392, 279]);
    const result = detectLanguage([FRA, ENG, FRA_2]);
    expect(result.lang).toBe('fra');
    expect(result.languages).toEqual([
      { lang: 'fra', share: 0.635 },
      { lang: 'eng', share: 0.365 },
    ]);
    expect(result.langConfidence).toBeGreaterThan(0.5);
  });

  test('a Russian paragraph beside an English one: another script is another language', () => {
    // ENG is 392 characters, RUS 344: 392 / 736 = 0.533.
    expect(RUS.length).toBe(344);
    const result = detectLanguage([RUS, ENG]);
    expect(result.languages).toEqual([
      { lang: 'eng', share: 0.533 },
      { lang: 'rus', share: 0.467 },
    ]);
  });

  test('one paragraph, French then English, with no blank line between, is still caught', () => {
    const result = detectLanguage([`${FRA} ${ENG}`]);
    expect(result.languages.map((entry) => entry.lang).sort()).toEqual(['eng', 'fra']);
    // Cut at sentences, so the French sentence next to the switch may count as English.
    for (const entry of result.languages) expect(Math.abs(entry.share - 0.5)).toBeLessThan(0.1);
  });

  test('a short English fragment inside a French paragraph does not make it mixed', () => {
    const paragraph =
      'Le ministère biélorusse de la Défense a déclaré que l’objectif de créer une force conjointe était de “renforcer la protection et la défense de l’État de l’Union”. [of Russia and Belarus]”.';
    expect(detectLanguage([FRA, paragraph, FRA_2])).toMatchObject({
      lang: 'fra',
      languages: [{ lang: 'fra', share: 1 }],
    });
  });

  test('the same fragment as a paragraph of its own follows its French neighbours', () => {
    const result = detectLanguage([FRA, '[of Russia and Belarus]”.', FRA_2]);
    expect(result).toMatchObject({ lang: 'fra', languages: [{ lang: 'fra', share: 1 }] });
  });

  test('an English sentence in a long French paragraph does not make it mixed', () => {
    const result = detectLanguage([`${FRA} As the minister put it, "we have no choice". ${FRA_2}`]);
    expect(result.languages).toEqual([{ lang: 'fra', share: 1 }]);
  });
});

describe('detectLanguage: the seeds', () => {
  const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort();
  const lines = (file: string): string[] =>
    readFileSync(dir + file, 'utf8')
      .normalize('NFC')
      .split(/\r?\n/);
  // Paragraphs as runs of non-blank lines joined with a space, boilerplate left in: harder
  // than what the caller passes.
  const byBlankLines = (file: string): string[] =>
    lines(file)
      .join('\n')
      .split(/\n\s*\n/)
      .map((block) =>
        block
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .join(' '),
      )
      .filter(Boolean);

  test('there are five', () => {
    expect(files).toHaveLength(5);
  });

  test.each(files)('%s is French, one language, by blank-line paragraphs', (file) => {
    const result = detectLanguage(byBlankLines(file));
    expect(result.lang).toBe('fra');
    expect(result.languages).toEqual([{ lang: 'fra', share: 1 }]);
    expect(result.langConfidence).toBeGreaterThan(0.5);
  });

  test.each(files)('%s is French, one language, a paragraph per line', (file) => {
    const result = detectLanguage(lines(file).filter((line) => line.trim() !== ''));
    expect(result.lang).toBe('fra');
    expect(result.languages).toEqual([{ lang: 'fra', share: 1 }]);
  });
});
