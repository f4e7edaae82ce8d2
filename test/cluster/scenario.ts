import type { ClusterArticle, EntityRef } from '../../src/domain/types.ts';

/**
 * Hand-written reports (newsdesk's own wording, no third-party text) of the incident in the
 * seed: on 2 November 2017 a Twitter contractor, Bahtiyar Duysak, deactivated Donald Trump's
 * account for eleven minutes on his last day; he spoke about it in interviews on 29 November.
 * Distractors are other Trump news and other Twitter news of the same days.
 */
let nextId = 1;

export function article(
  fields: Partial<ClusterArticle> & Pick<ClusterArticle, 'title' | 'text' | 'language'>,
): ClusterArticle {
  const id = fields.id ?? nextId++;
  return {
    id,
    url: fields.url ?? `https://example.org/${id}`,
    source: fields.source ?? `outlet-${id}`,
    published: fields.published ?? new Date('2017-11-29T12:00:00Z'),
    entities: fields.entities ?? [],
    ...fields,
  };
}

const at = (iso: string) => new Date(iso);

export const duysakDe = (entities: EntityRef[] = []) =>
  article({
    language: 'de',
    source: 'heise online',
    published: at('2017-11-29T14:10:00Z'),
    title: 'Twitter-Mitarbeiter, der Trumps Account abschaltete, meldet sich zu Wort',
    text:
      'Der frühere Twitter-Mitarbeiter Bahtiyar Duysak hat erstmals über die Abschaltung des Accounts von ' +
      'US-Präsident Donald Trump gesprochen. Das Konto @realDonaldTrump war am 2. November für elf Minuten ' +
      'nicht erreichbar. Duysak sagte dem Portal TechCrunch, er habe den Account an seinem letzten Arbeitstag ' +
      'deaktiviert, aber nicht mit Absicht gehandelt. Der Deutsche mit türkischen Wurzeln arbeitete als ' +
      'Vertragsmitarbeiter im Kundendienst von Twitter in San Francisco.',
    entities,
  });

export const duysakEn = (entities: EntityRef[] = []) =>
  article({
    language: 'en',
    source: 'TechCrunch',
    published: at('2017-11-29T09:30:00Z'),
    title: "Ex-Twitter employee Bahtiyar Duysak explains why he deactivated Trump's account",
    text:
      "The former Twitter contractor who took down President Donald Trump's account for 11 minutes has " +
      'spoken for the first time. Bahtiyar Duysak told TechCrunch that deactivating @realDonaldTrump on his ' +
      'last day at the company in San Francisco was a mistake and not planned. The account went offline on ' +
      "November 2. Duysak worked in Twitter's customer support team as a contract employee.",
    entities,
  });

export const duysakEn2 = () =>
  article({
    language: 'en',
    source: 'The Guardian',
    published: at('2017-11-29T18:45:00Z'),
    title: "Twitter worker who shut down Trump's account says it was an accident",
    text:
      'Bahtiyar Duysak, the Twitter customer support contractor who deactivated the @realDonaldTrump ' +
      'account for 11 minutes, said he did not do it on purpose. Duysak, who grew up in Germany, said in ' +
      'an interview that on his last day at Twitter he received a report about the account of Donald Trump ' +
      'and did not think the account would really be deactivated.',
  });

export const trumpTaxEn = () =>
  article({
    language: 'en',
    source: 'Reuters',
    published: at('2017-11-29T16:00:00Z'),
    title: 'Trump presses Senate Republicans to pass tax bill before Christmas',
    text:
      'President Donald Trump met Senate Republicans on Tuesday and urged them to pass the tax overhaul ' +
      'before Christmas. The bill would cut the corporate tax rate to 20 percent. Democrats said the plan ' +
      'favours the wealthy and adds to the federal deficit. A vote in the Senate is expected this week.',
  });

export const trumpKoreaDe = () =>
  article({
    language: 'de',
    source: 'Spiegel Online',
    published: at('2017-11-29T11:00:00Z'),
    title: 'Trump droht Nordkorea nach neuem Raketentest mit weiteren Sanktionen',
    text:
      'Nach dem jüngsten Raketentest Nordkoreas hat US-Präsident Donald Trump neue Sanktionen angekündigt. ' +
      'Die Rakete sei höher geflogen als alle bisherigen, teilte das Verteidigungsministerium in Washington mit. ' +
      'Trump sprach mit Chinas Staatschef Xi Jinping und forderte mehr Druck auf Pjöngjang.',
  });

export const twitterCharsEn = () =>
  article({
    language: 'en',
    source: 'The Verge',
    published: at('2017-11-29T08:00:00Z'),
    title: 'Twitter rolls out 280-character tweets to almost all users',
    text:
      'Twitter is doubling the character limit for tweets from 140 to 280 for nearly all users after a test ' +
      'with a small group. The company said people who had more room tweeted more often and got more ' +
      'likes. Users writing in Japanese, Chinese and Korean keep the old limit.',
  });

export const twitterVerifiedDe = () =>
  article({
    language: 'de',
    source: 'Golem',
    published: at('2017-11-29T13:00:00Z'),
    title: 'Twitter entzieht umstrittenen Nutzern den blauen Haken',
    text:
      'Twitter hat mehreren Nutzern die Verifizierung entzogen und neue Regeln für das blaue Häkchen ' +
      'veröffentlicht. Das Unternehmen will damit verhindern, dass die Markierung als Empfehlung verstanden ' +
      'wird. Betroffen sind unter anderem Konten aus dem rechtsextremen Spektrum.',
  });
