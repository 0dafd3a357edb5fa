// Data: how well-known outlets are spelled, so that "Lagazette", "Cnn" or "lemonde.fr" print as
// the outlet calls itself, and the words that mark an unknown name as an outlet ("Zeitung").

import { compactKey, foldLine } from './line-shape.js';

// prettier-ignore
const KNOWN = [
  // wires and international
  'AFP', 'Agence France-Presse', 'Reuters', 'AP', 'Associated Press', 'Bloomberg', 'dpa', 'EFE',
  'ANSA', 'ANP', 'PAP', 'TT', 'Ritzau', 'Belga', 'Interfax', 'TASS', 'RIA Novosti', 'Belta',
  'Xinhua', 'Al Jazeera', 'Euronews', 'France 24', 'RFI', 'Deutsche Welle', 'DW', 'BBC',
  'BBC News', 'BBC Cymru Fyw', 'CNN', 'Sky News', 'NPR', 'Politico', 'Axios', 'Kyiv Independent',
  // en
  'The Guardian', 'The New York Times', 'The Washington Post', 'The Times', 'The Telegraph',
  'The Independent', 'Financial Times', 'The Economist', 'Wall Street Journal', 'NBC News',
  'CBS News', 'ABC News', 'Fox News', 'USA Today', 'Los Angeles Times', 'The Irish Times',
  // fr
  'Le Monde', 'Le Figaro', 'Libération', 'La Gazette', 'Les Echos', 'Le Parisien', 'Ouest-France',
  "L'Express", 'Le Point', "L'Obs", 'Mediapart', 'BFMTV', 'TF1', 'LCI', 'Franceinfo', '20 Minutes',
  'La Croix', "L'Humanité", 'Le Soir', 'La Libre Belgique', 'RTBF', 'Le Temps', 'La Presse',
  'Le Devoir', 'Courrier international', 'Sud Ouest', 'La Dépêche du Midi', 'Le Progrès',
  // de
  'Der Spiegel', 'Spiegel', 'Die Zeit', 'Süddeutsche Zeitung', 'Frankfurter Allgemeine Zeitung',
  'FAZ', 'Die Welt', 'Bild', 'Handelsblatt', 'Tagesschau', 'ZDF', 'ARD', 'taz', 'Der Standard',
  'Die Presse', 'NZZ', 'Neue Zürcher Zeitung', 'Tages-Anzeiger', 'Stern', 'Focus',
  // es
  'El País', 'El Mundo', 'ABC', 'La Vanguardia', 'El Confidencial', 'RTVE', 'elDiario.es',
  'Clarín', 'La Nación', 'El Universal', 'El Tiempo',
  // it
  'Corriere della Sera', 'La Repubblica', 'La Stampa', 'Il Sole 24 Ore', 'Rai News', 'Il Messaggero',
  'Il Fatto Quotidiano', 'Il Post',
  // pt
  'Público', 'Expresso', 'Diário de Notícias', 'Jornal de Notícias', 'RTP', 'Observador',
  'Folha de S.Paulo', 'O Globo', 'Estadão', 'G1',
  // nl
  'NOS', 'NRC', 'de Volkskrant', 'De Telegraaf', 'Het Parool', 'Trouw', 'AD', 'RTL Nieuws',
  'De Standaard', 'Het Laatste Nieuws', 'VRT NWS',
  // pl, sv, da, cy
  'Gazeta Wyborcza', 'Rzeczpospolita', 'TVN24', 'Onet', 'Polsat News', 'Dagens Nyheter',
  'Svenska Dagbladet', 'Aftonbladet', 'Expressen', 'SVT', 'SVT Nyheter', 'Politiken',
  'Berlingske', 'DR', 'Golwg360', 'Nation.Cymru', 'Western Mail',
  // beyond Latin script, as each outlet writes its name: wires, large dailies and broadcasters in
  // zh, ja, ko, ar, fa, he, hi, th, ru, el, tr, vi (names that are also common words, `العربية`,
  // `Sabah`, `Thanh Niên`, are left out); the line shapes in source.ts find the others
  '新华社', '新华网', '新華社', '人民日报', '人民网', '中新网', '央视新闻', '澎湃新闻', '联合早报',
  'NHK', '共同通信', '時事通信', '朝日新聞', '読売新聞', '毎日新聞', '日本経済新聞', '産経新聞',
  '연합뉴스', '조선일보', '중앙일보', '동아일보', '한겨레', 'KBS', 'MBC', 'SBS', 'YTN',
  'الجزيرة', 'الأهرام', 'الشرق الأوسط', 'الأنباء الكويتية',
  'ایرنا', 'ایسنا', 'همشهری', 'کیهان', 'تسنیم',
  'כאן חדשות', 'ynet', 'הארץ', 'ידיעות אחרונות', 'מעריב', 'וואלה',
  'प्रसार भारती', 'दैनिक जागरण', 'दैनिक भास्कर', 'अमर उजाला', 'नवभारत टाइम्स', 'आज तक',
  'ไทยรัฐ', 'มติชน', 'เดลินิวส์', 'กรุงเทพธุรกิจ', 'ไทยพีบีเอส',
  'ТАСС', 'РИА Новости', 'Интерфакс', 'Коммерсантъ', 'Известия', 'РБК', 'Ведомости', 'Укрінформ',
  'ΑΠΕ-ΜΠΕ', 'Καθημερινή', 'ΕΡΤ', 'Η Εφημερίδα των Συντακτών',
  'Anadolu Ajansı', 'Hürriyet', 'Milliyet', 'Cumhuriyet', 'TRT Haber',
  'VnExpress', 'Thông tấn xã Việt Nam', 'TTXVN', 'VietnamPlus',
];

/** Canonical spelling of each known outlet, by compact key ("lagazette" → "La Gazette"). */
export const KNOWN_OUTLETS: ReadonlyMap<string, string> = new Map(KNOWN.map((name) => [compactKey(name), name]));

/**
 * Every beginning of a known outlet's compact key ("l", "la", "lag"…): a prefix search stops
 * once the words read so far begin no known name.
 */
export const KNOWN_KEY_PREFIXES: ReadonlySet<string> = new Set(
  [...KNOWN_OUTLETS.keys()].flatMap((key) => [...key].map((_, end) => key.slice(0, end + 1))),
);

/** The longest name of a known outlet, in words: bounds the prefix search. */
export const KNOWN_MAX_WORDS = Math.max(...KNOWN.map((name) => name.split(/\s+/u).length));

/**
 * Words that make an unknown short name an outlet ("Het Noorderlicht Dagblad", "The Valley
 * Courier"), folded. Data, not rules: the rules are the line shapes in `source.ts`.
 */
export const OUTLET_WORDS: ReadonlySet<string> = new Set(
  (
    'times news post gazette gazeta gazzetta journal jornal zeitung tribune herald courier ' +
    'courrier corriere diario giornale krant dagblad nieuws nieuwsblad presse press express ' +
    'observer monitor daily today radio tv television magazine agence agency wire nachrichten ' +
    'noticias notizie tidning tidningen dagbladet bladet posten kurier kurjer kuriren dziennik ' +
    'wiadomosci chronicle telegraph independent guardian standard mail mirror globe review ' +
    'weekly hebdo quotidien quotidiano depeche republicain nouvelles info actu rundschau ' +
    'anzeiger blatt tagblatt tageblatt allgemeine periodico heraldo correio folha messaggero ' +
    'stampa courant newyddion cymru media medias network channel tribuna voz eco echo echos ' +
    'avisen avis expressen nyheter dagen gazet ' +
    'agencja agencia agenzia agentur agência ' +
    // beyond Latin script: agency, news, newspaper, daily (ar, fa, he, hi, th, ru, el, tr, vi)
    'وكالة الأنباء أنباء أخبار صحيفة جريدة خبرگزاری روزنامه خبر חדשות ข่าว समाचार दैनिक न्यूज़ ' +
    'новости газета вести известия агентство ειδήσεις εφημερίδα ajansı haber haberleri gazete ' +
    'gazetesi báo'
  )
    .split(' ')
    .map(foldLine),
);

/**
 * How the name of an outlet ends in scripts that write it as one word (`新华网`, `朝日新聞`,
 * `연합뉴스`, `조선일보`): net, news agency, paper, daily, news, broadcaster.
 */
// prettier-ignore
export const OUTLET_ENDINGS: readonly string[] = [
  '网', '網', '社', '报', '報', '新闻', '新聞', '通信', '通讯', '日报', 'ニュース', '放送', '新報',
  '뉴스', '일보', '신문', '방송', '통신', '타임스',
];

/**
 * Section names, folded: a short line of one of these above the headline or beside the date is a
 * kicker or a menu item, never the outlet, in any script (`Politique`, `国际`, `رياضة`, `Спорт`).
 */
export const SECTION_NAMES: ReadonlySet<string> = new Set(
  // prettier-ignore
  [
    // Latin-script languages of the seeds and fixtures
    'politique', 'économie', 'monde', 'international', 'sport', 'sports', 'culture', 'société',
    'france', 'europe', 'actualités', 'actualité', 'santé', 'sciences', 'science', 'météo', 'régions',
    'faits divers', 'opinions', 'opinion', 'politics', 'world', 'business', 'news', 'health', 'tech',
    'technology', 'local', 'weather', 'environment', 'justice', 'latest', 'breaking news', 'politik',
    'wirtschaft', 'kultur', 'welt', 'ausland', 'inland', 'política', 'economía', 'mundo', 'deportes',
    'sociedad', 'nacional', 'internacional', 'cultura', 'cronaca', 'esteri', 'economia', 'politica',
    'binnenland', 'buitenland', 'gündem', 'dünya', 'ekonomi', 'spor', 'siyaset', 'politika',
    'kültür', 'sağlık', 'haberler', 'son dakika', 'thời sự', 'thế giới', 'kinh doanh', 'thể thao',
    'giải trí', 'pháp luật', 'tin tức', 'xã hội',
    // zh, ja
    '国际', '國際', '国内', '國內', '政治', '经济', '經濟', '财经', '財經', '体育', '體育', '娱乐',
    '娛樂', '科技', '社会', '社會', '军事', '軍事', '文化', '健康', '评论', '評論', '观点', '要闻',
    '要聞', '新闻', '新聞', '时政', '地方', '首页', '首頁', '経済', '国際', 'スポーツ', '速報',
    'ニュース', '社説',
    // ko
    '정치', '경제', '사회', '국제', '스포츠', '문화', '연예', '오피니언', '뉴스', '속보', '사설',
    // ar, fa
    'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'دولي', 'عربي', 'محليات', 'أخبار', 'الرئيسية', 'منوعات',
    'تكنولوجيا', 'صحة', 'رأي', 'عاجل', 'العالم', 'سیاسی', 'اقتصادی', 'ورزشی', 'فرهنگی',
    'بین‌الملل', 'اجتماعی', 'اخبار', 'جامعه',
    // he, hi, th
    'חדשות', 'ספורט', 'כלכלה', 'פוליטי', 'בעולם', 'דעות', 'राजनीति', 'देश', 'विदेश', 'खेल',
    'मनोरंजन', 'व्यापार', 'समाचार', 'दुनिया', 'राज्य', 'การเมือง', 'เศรษฐกิจ', 'กีฬา', 'ต่างประเทศ',
    'บันเทิง', 'ข่าว', 'สังคม',
    // ru, uk, el
    'политика', 'экономика', 'спорт', 'культура', 'общество', 'в мире', 'новости', 'происшествия',
    'πολιτική', 'οικονομία', 'αθλητισμός', 'κόσμος', 'ελλάδα', 'ειδήσεις', 'κοινωνία',
  ].map(foldLine),
);
