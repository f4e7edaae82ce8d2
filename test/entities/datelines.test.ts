/**
 * Wire copy opens with a dateline: a shouted place ("BERLIN (dpa)", "NEW YORK (AP)") and, in English, a date
 * ("Jan. 5", "Jan 1, 2020"). The place is a location, not an acronym's organisation; a month before a day or
 * a year is a date, not the given name "Jan", "April" or "August". dpa-AFX closes with its editors' codes
 * ("/tas/DP/mis"), which name nobody. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.ts';

const entitiesOf = (text: string, language: 'de' | 'en') =>
  extractEntities({ text, language }).entities.map((e) => `${e.name}|${e.type}`).sort();

describe('datelines', () => {
  it.each([
    ['LONDON, Jan 1 (Reuters) - The exchange said it would reopen on Monday.', 'en', ['London|location', 'Reuters|organization']],
    ['NEW YORK (AP) — Stocks fell on Monday after the report.', 'en', ['AP|organization', 'New York|location']],
    ['BERLIN (dpa) - Die Bundesregierung will das Gesetz noch vor der Sommerpause beschließen.', 'de', ['Berlin|location', 'Bundesregierung|organization', 'dpa|organization']],
    ['BADEN-WÜRTTEMBERG: Neue Regeln gelten ab Montag.', 'de', ['Baden-Württemberg|location']],
  ] as const)('%s', (text, language, expected) => {
    expect(entitiesOf(text, language)).toEqual([...expected].sort());
  });

  it('reads a month before a day or a year as a date, not a person', () => {
    expect(entitiesOf('The camp will run from Jan. 5-25 in Doha.', 'en')).toEqual(['Doha|location']);
    expect(entitiesOf('The rally was held in April 2020 in Washington.', 'en')).toEqual(['Washington|location']);
    expect(entitiesOf('Das Treffen findet am 5. Jan. 2020 in Berlin statt.', 'de')).toEqual(['Berlin|location']);
  });

  it('reads a weekday after a speech verb, and an abbreviated month with its dot, as no person', () => {
    expect(entitiesOf('Trump said Tuesday he would meet Kim Jong-un again.', 'en')).toEqual(['Donald Trump|person', 'Kim Jong-un|person']);
    expect(entitiesOf('“Good work yesterday,” the trainer said Tuesday morning.', 'en')).toEqual([]);
    expect(entitiesOf('The new booster-seat law goes into effect Jan.', 'en')).toEqual([]);
    expect(entitiesOf('Die Rede hielt Thomas Freitag am Montag in Berlin.', 'de')).toEqual(['Berlin|location', 'Thomas Freitag|person']);
  });

  it('reads dpa-AFX editor codes at the end of an article as no name', () => {
    expect(entitiesOf('Die Entscheidung soll noch im Juni bekanntgegeben werden./tas/DP/mis', 'de')).toEqual([]);
    expect(entitiesOf('Der Konzern legte im ersten Quartal zu./jbz/jac/lkl/DP/ea', 'de')).toEqual([]);
    expect(entitiesOf('Die Aktien von BMW/Daimler stiegen.', 'de')).toEqual(['BMW|organization', 'Daimler|organization']);
  });

  it('knows the Dow Jones, and keeps the final "s" of an English name (the genitive rule is German only)', () => {
    expect(entitiesOf('Stocks: Dow Jones ends lower as China data weighs', 'en')).toEqual(['China|location', 'Dow Jones|organization']);
    expect(entitiesOf('Kowalczyks Account wurde gesperrt, sagte die Polizei.', 'de')).toEqual(['Kowalczyk|person']);
  });

  it('keeps given names that are months, and shouted acronyms', () => {
    expect(entitiesOf('Jan Böhmermann sagte am Montag, er mache weiter.', 'de')).toEqual(['Jan Böhmermann|person']);
    expect(entitiesOf('NASA said on Monday that the launch would go ahead.', 'en')).toEqual(['NASA|organization']);
  });
});
