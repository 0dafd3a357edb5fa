import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../src/core/analyse/language/detect-language.js';
import { distinctiveCounts, hasForeignLetters } from '../../src/core/analyse/language/distinctive-words.js';
import { hasOrdinaryWords } from '../../src/core/analyse/language/ordinary-words.js';

// Real sentences from the test sets of the lingua project (pemistahl/lingua-rs,
// language-models/<code>/testdata/sentences.txt, drawn from the Leipzig Corpora Collection,
// CC BY), quoted as they are there, typos and all. Each text below was named wrongly (or `und`)
// before issue 19's change, and is named rightly after it.
const HRV =
  'Aktivno elektroničko upravljanje vrši korekcije automatski i kontrolira upravljanje na površinama sa lošim gripom. Aleksandrijska karika / Steve Berry ; s engleskoga preveo Petar Vujačić Knjiga Za posudbuNema podataka o posudbi. Alfama je također čestitao i ratni ministar unutarnjih poslova Ivan Jarnjak. Ali i to je najsigurniji put do Uskrsa, Uskrsa naroda, Uskrsa velike obitelji svijeta, Uskrsa naših obitelji i svakog člana obitelji!';
const BOS =
  'Balfourova je deklaracija otvorila put većem židovskom useljavanju u Palestinu. Beton se koristi za izgradnju objekata, puteva, temelja, nadvožnjaka ili se koristi kao žbuka za pravljenje zidova od cigle. Big Bang Nucleosyntesis, BBN) je dio teorije Velikog praska koji objašnjava omjere količine različitih lakih elemenata u svemiru. Biografija Porodica Hildegard Knef rođena je u Ulmu kao kći Hansa Theodora Knefa, trgovca duhanom flamanskog porijekla i Friede Auguste, rođ.';
const SRP_CYRILLIC =
  'Како се упад усташке групе терориста десио убрзо након стишавања од стране Хрвата названог „ Хрватског прољећа “ у децембру 1971, овај догађај је добио публицитет и изван граница Југославије. У томе је нарочито неумољив био министар финансија Калај. Барокомора је сложени медицински уређај који осигурава људима боравак у средини повишеног или сниженог притиска у односу на нормални атмосферски притисак од 1 бар-а.';
const ZLM =
  "Apakah engkau bersedih kerana akan meninggalkan dunia dan takut menghadapi maut? tanya malaikat. Hal ini adalah kerana, Menteri Besar Perak pada masa itu, masih lagi berkuasa dan mempunyai mandat untuk memerintah. Ini adalah sebuah masa gemilang bagi kerajaan Israel dalam banyak bidang, terutama arsitektur. Ini kerana dalam suasana terpencil lagi terdesak, Rasulullah shallallahu 'alaihi wasallam pernah minum sambil berdiri.";
const NNO =
  'Abraham har namnedag den 20. desember i Noreg og 18. desember i Sverige. Etter det har monarkane hatt mesta berre symbolsk funksjon i Noreg. Uttrykket indre landnåm er ei nemning på aukande busetting innover i landet, medan ytre landnåm er busetting på område ein måtte reisa til over havet. Etter den franske revolusjonen og den gradvise spreiinga av idéane om ein meir sekulær og demokratisk stat, fekk jødane religiøs og statsborgarleg likestilling i mange vestlege land.';
const NOB =
  'Kurset passer for deg som skal sørge for support av Windows XP Professional i Windows-, UNIX eller NetWare-nettverk. Vi har selvfølgelig ingenting i mot at våre medlemmer får lønnsopprykk. For en del av personene varte hukommelses- problemene i ett år eller lenger. Stedet har en velfungerende senterfunksjon for hele søndre delen av Ullensaker.';
// Clear Turkish that came back `und`: its runner-up, South Azerbaijani, is a close language.
const TUR =
  'Ankara’da ağabeyim bana, “Hoca’yı Süleyman Bey’le bir tanıştıralım” dedi. Ankara Sağlık Hakkı Meclisi kuruldu » Hekim PostasıAnkara Sağlık Hakkı Meclisi kurulduHalk ve sağlıkçılar yan yana! Anneler, babalar evlatlarının iyi bir eğitim alması için hiçbir fedakârlıktan kaçmamaktadır. Antimiyotiklerin yoğun şekilde kullanılmasından sonra ampiyem’de cerrahi girişim oranı azalmıştır. Aptallarla dolu bu dünyanın çekilmez olduğunu ve aptallığın sınırının olmadığını söylüyor. Araç çalınmaları ve aracın tam hasara uğraması (pertotal) kapsam dışıdır.';

describe('issue 19: close languages get more evidence than trigrams', () => {
  test.each([
    ['hrv', HRV],
    ['bos', BOS],
    ['srp', SRP_CYRILLIC],
    ['zlm', ZLM],
    ['nno', NNO],
    ['nob', NOB],
  ])('%s is told from its close neighbours', (lang, text) => {
    const result = detectLanguage([text]);
    expect(result.lang).toBe(lang);
    expect(result.languages).toEqual([{ lang, share: 1 }]);
  });

  test('marker words count for each member of the group that uses them', () => {
    // `obitelji` is Croatian only; `svijeta` is ijekavian, Croatian and Bosnian alike.
    expect([...distinctiveCounts('srp', 'Uskrsa velike obitelji svijeta')]).toEqual([
      ['srp', 0],
      ['hrv', 2],
      ['bos', 1],
      ['slv', 0],
    ]);
    expect(distinctiveCounts('eng', 'the cat').size).toBe(0);
  });

  test('letters a language never writes rule it out, but one stray letter does not', () => {
    expect(hasForeignLetters('slk', 'Přečetl jsem tu knihu, řekl mi, že je dobrá.')).toBe(true);
    expect(hasForeignLetters('ces', 'Přečetl jsem tu knihu, řekl mi, že je dobrá.')).toBe(false);
    expect(hasForeignLetters('slk', 'Dvořák')).toBe(false);
    expect(hasForeignLetters('eng', 'řřř')).toBe(false);
  });
});

describe('issue 19: calibrated und', () => {
  test('a long text whose best guess is clear is not und', () => {
    const result = detectLanguage([TUR]);
    expect(result.lang).toBe('tur');
    expect(result.langConfidence).toBeGreaterThan(0.5);
  });

  test.each([
    // lingua hr: franc said Bosnian; Croatian and Bosnian write every word of it the same way.
    'Dakako, moguće su i ilegalne oklade na ishod turnira.',
    // lingua nb: franc said Nynorsk; Bokmål and Nynorsk both write every word of it.
    'Forskriften inneholder med andre ord et systemkrav og et dokumentasjonskrav.',
  ])('a short sentence that close languages share is und: %j', (text) => {
    const result = detectLanguage([text]);
    expect(result.lang).toBe('und');
    expect(result.langConfidence).toBeLessThan(0.25);
  });
});

describe('issue 19: mixed-language needs ordinary words of the other language', () => {
  // Hand-written in the shape of a rugby preview; the line-ups are lists of names and clubs.
  const RUGBY = [
    'Italy name unchanged side for Cardiff',
    "Italy coach John Kirwan has kept faith with the fifteen who lost narrowly in Dublin last weekend, naming an unchanged starting line-up for Saturday's Six Nations match against Wales in Cardiff.",
    'Kirwan said his forwards had earned another chance after matching the Irish pack for most of the game, and that the backs needed time together to find their rhythm. "We were close, and we know where we went wrong," he said. "The players deserve to start again."',
    "Italy: R de Marigny (Parma); N Mazzucato (Treviso), G Canale (Clermont), A Masi (Viadana), L Nitoglia (Calvisano); L Orquera (Padova), A Troncon (Treviso); A Lo Cicero (L'Aquila), F Ongaro (Treviso), M Castrogiovanni (Calvisano), S Dellape (Agen), M Bortolami (Narbonne, capt), A Persico (Agen), D dal Maso (Treviso), S Parisse (Treviso).",
    'Replacements: G Intoppa (Calvisano), S Perugini (Calvisano), C Del Fava (Parma), S Orlando (Treviso), P Griffen (Calvisano), R Pedrazzi (Viadana), K Robertson (Viadana).',
  ];
  const FOOTBALL = [
    'Chelsea boss Jose Mourinho has named his side a day early for the Champions League tie in Barcelona, with Didier Drogba fit to lead the attack after missing three weeks through injury.',
    'Mourinho said the striker had trained without problems and would start, while William Gallas returns in defence. Damien Duff is ruled out with a knee injury picked up in the FA Cup defeat at Newcastle.',
    'Chelsea: Cech, Ferreira, Carvalho, Terry, Gallas, Tiago, Makelele, Lampard, Cole, Drogba, Gudjohnsen.',
    "Barcelona: Valdes, Belletti, Puyol, Marquez, Van Bronckhorst, Deco, Xavi, Albertini, Giuly, Eto'o, Ronaldinho.",
  ];

  test('a rugby line-up of Italian names is no Spanish or Catalan paragraph', () => {
    expect(detectLanguage(RUGBY).languages).toEqual([{ lang: 'eng', share: 1 }]);
  });

  test('a football line-up paragraph does not make an English report mixed', () => {
    expect(detectLanguage(FOOTBALL).languages).toEqual([{ lang: 'eng', share: 1 }]);
  });

  test('a paragraph of prose in another language still counts', () => {
    const spanish =
      'El entrenador explicó que el equipo había trabajado toda la semana para corregir los errores de la defensa, y que los jugadores estaban convencidos de que podían ganar el partido.';
    const result = detectLanguage([...FOOTBALL.slice(0, 2), spanish]);
    expect(result.languages.map((share) => share.lang)).toEqual(['eng', 'spa']);
  });

  test('function words shared with the document language, or capitalised in names, prove nothing', () => {
    expect(hasOrdinaryWords('C Del Fava (Parma), A Lo Cicero, R de Marigny, S Orlando', 'ita', 'eng')).toBe(false);
    expect(hasOrdinaryWords('el equipo había trabajado toda la semana para corregir los errores', 'spa', 'eng')).toBe(
      true,
    );
  });
});
