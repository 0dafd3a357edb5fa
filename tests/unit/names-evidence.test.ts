// Names: what is no name although capitalised (German common nouns, months, weekdays, time zones,
// units, titles), and particles kept with the names the corpus writes them with.
import { describe, expect, test } from 'vitest';
import { Names } from '../../src/core/stats/names.js';
import { tokenize } from '../../src/core/stats/tokenize.js';

function namesOf(texts: string[], lang: string, minCount = 1): string[] {
  const names = new Names();
  texts.forEach((t, i) => names.add(`d${i}`, lang, tokenize(t)));
  return names.top(50, minCount).map((n) => n.name);
}

describe('German common nouns are no names', () => {
  test('nouns written after determiners, numbers and adjectives go; names stay', () => {
    const text = [
      'Der Kläger hat einen Anspruch auf Schutz, sagte Merkel in Berlin.',
      'Das Gericht prüft den Anspruch und den Schutz der Daten.',
      'Merkel reiste nach Berlin, wo der Schutz der Kinder 20 Prozent der Mittel erhält.',
      'Auch in Berlin fordert Merkel weiteren Schutz und einen neuen Anspruch.',
    ];
    expect(namesOf(text, 'deu')).toEqual(['Berlin', 'Merkel']);
  });

  test('a title before a name is cut: `Bundeskanzler Olaf Scholz` counts for `Olaf Scholz`', () => {
    const text = [
      'Der Bundeskanzler sprach. Ein Bundeskanzler muss reden.',
      'Dann sagte Bundeskanzler Olaf Scholz, dass der Bundeskanzler bleibt.',
    ];
    expect(namesOf(text, 'deu')).toEqual(['Olaf Scholz']);
  });

  test('a run of nouns joined by an article is no name (`Schutz der Umwelt`)', () => {
    const text = ['Es geht um den Schutz und die Umwelt.', 'Wir wollen Schutz der Umwelt, sagte Habeck.'];
    expect(namesOf(text, 'deu')).toEqual(['Habeck']);
  });

  test('the rule is for languages that capitalise nouns: English keeps `Protection` as a name', () => {
    const text = ['The Protection Act passed, and the Protection Act stays.'];
    expect(namesOf(text, 'eng')).toEqual(['Protection Act']);
  });
});

describe('months, weekdays, time zones, units and titles are no names', () => {
  test('English months and weekdays, alone or opening a run; a name ending in one stays', () => {
    const text = [
      'The vote is on Monday, said Theresa May in London.',
      'In January and on Tuesday the talks resumed; Theresa May left on Friday.',
      'The summit of Monday Brussels was short.',
    ];
    expect(namesOf(text, 'eng')).toEqual(['Theresa May', 'Brussels', 'London']);
  });

  test('German months and weekdays (`Mai`, `Montag`), and zones in capitals (`GMT`, `CET`)', () => {
    const text = [
      'Am Montag, den 5. Mai um 10 Uhr GMT, traf sich Merkel mit Macron.',
      'Die Sitzung im Mai begann um 11 Uhr CET in Paris, am Dienstag sprach Macron.',
    ];
    expect(namesOf(text, 'deu')).toEqual(['Macron', 'Merkel', 'Paris']);
  });

  test('French and Russian month names, in the genitive too (`мая`)', () => {
    expect(namesOf(['Le 3 Mars, Macron a parlé. Le 4 Juin aussi.'], 'fra')).toEqual(['Macron']);
    expect(namesOf(['Путин приехал 26 Мая в Москву.'], 'rus')).toEqual(['Москву', 'Путин']);
  });

  test('a zone is a zone in capitals only: `West` may be a name', () => {
    const text = ['At 9 am EST and 3 pm WEST the West Bank talks began; the West reacted.'];
    expect(namesOf(text, 'eng')).toEqual(['West', 'West Bank']);
  });

  test('units and titles: `MW`, `GHz`, `Dr.` are cut, the name after a title stays', () => {
    const text = ['The plant gives 500 MW and the chip 3 GHz, said Dr. Jane Goodall and Dr Smith.'];
    expect(namesOf(text, 'eng')).toEqual(['Jane Goodall', 'Smith']);
  });
});

describe('particles', () => {
  test('names keep their particles inside: de Gaulle, von der Leyen, bin Salman, van Beethoven, da Vinci', () => {
    const text = [
      'On cite Charles de Gaulle. Il admire Ursula von der Leyen et Mohammed bin Salman.',
      'On joue Ludwig van Beethoven et on regarde Leonardo da Vinci.',
    ];
    expect(namesOf(text, 'fra')).toEqual([
      'Charles de Gaulle',
      'Leonardo da Vinci',
      'Ludwig van Beethoven',
      'Mohammed bin Salman',
      'Ursula von der Leyen',
    ]);
  });

  test('a name written with its particles opens with them: `von der Leyen`, `de Gaulle`', () => {
    const text = [
      'Selon Charles de Gaulle, la France parle. Le général de Gaulle part.',
      'Puis de Gaulle revient, et de Gaulle parle encore.',
      'La présidente von der Leyen arrive; von der Leyen parle; von der Leyen part.',
    ];
    expect(namesOf(text, 'fra')).toEqual(['de Gaulle', 'von der Leyen', 'Charles de Gaulle', 'France']);
  });

  test('a particle before a place is no part of it: `région de Koursk`, `von Berlin`', () => {
    const text = [
      'La région de Koursk et la ville de Koursk; les forces de Koursk.',
      'Der Zug von Berlin fährt nach Berlin, dann weiter von Berlin aus.',
    ];
    expect(namesOf([text[0] as string], 'fra')).toEqual(['Koursk']);
    expect(namesOf([text[1] as string], 'deu')).toEqual(['Berlin']);
  });

  test('`de` between two names splits them when the second is a name of its own', () => {
    const text = ['La Russie de Vladimir Poutine avance. Vladimir Poutine parle, et Vladimir Poutine part.'];
    expect(namesOf(text, 'fra')).toEqual(['Vladimir Poutine', 'Russie']);
  });

  test('a particle alone, or at the edge of a run, is no part of a name', () => {
    expect(namesOf(['Il vient de Paris et va à Rome van der.', 'Le van roule.'], 'fra')).toEqual(['Paris', 'Rome']);
  });
});
