import { describe, expect, it } from 'vitest';
import { createClusterer } from '../../src/cluster/index.ts';
import { createSourceTemplates } from '../../src/cluster/source-templates.ts';
import { article } from './scenario.ts';

const NOTICE =
  'Um die Funktion unserer Website zu verbessern und Ihnen relevante Werbung anzuzeigen, verwenden wir Cookies der Firma Adtech Partner.';

let n = 0;
const item = (title: string, text: string) => ({ url: `https://example.org/${++n}`, title, text, entities: [] });

describe('source templates', () => {
  it("cuts a passage the outlet used before, and only the outlet's own", () => {
    const templates = createSourceTemplates(undefined);
    templates.strip('outlet-a', item('Erster Bericht', `${NOTICE} Der Stadtrat tagt am Abend.`));
    const again = templates.strip('outlet-a', item('Zweiter Bericht', `${NOTICE} Die Feuerwehr löscht einen Brand.`));
    expect(again.text).not.toContain('Cookies');
    expect(again.text).toContain('Die Feuerwehr löscht einen Brand.');
    // another outlet carrying the same words (wire copy) keeps them
    const other = templates.strip('outlet-b', item('Dritter Bericht', `${NOTICE} Der Stadtrat tagt.`));
    expect(other.text).toContain('Cookies');
  });

  it('blanks each cut word with one space and keeps what separates them', () => {
    const notice = 'Wir nutzen Cookies, um 𝐀𝐁 Inhalte (2024) zu zeigen:';
    const templates = createSourceTemplates(undefined);
    templates.strip('outlet-a', item('Eins', `${notice} Erster Text hier.`));
    const again = templates.strip('outlet-a', item('Zwei', `${notice} Zweiter Bericht folgt.`));
    expect(again.text).toBe('     ,       ( )    : Zweiter Bericht folgt.');
  });

  it('drops entities named only inside the cut passage', () => {
    const templates = createSourceTemplates(undefined);
    templates.strip('outlet-a', item('Erster Bericht', `${NOTICE} Der Stadtrat tagt.`));
    const again = templates.strip('outlet-a', {
      url: 'https://example.org/scholz',
      title: 'Zweiter Bericht',
      text: `${NOTICE} Olaf Scholz besucht Bremen.`,
      entities: [
        { name: 'Adtech Partner', type: 'organization' },
        { name: 'Olaf Scholz', type: 'person' },
      ],
    });
    expect(again.entities.map((e) => e.name)).toEqual(['Olaf Scholz']);
  });

  it('cuts the same after a huge article as before it (its word lists are let go)', () => {
    const templates = createSourceTemplates(undefined);
    templates.strip('outlet-a', item('Erster Bericht', `${NOTICE} Der Stadtrat tagt am Abend.`));
    const huge = templates.strip('outlet-a', item('Langer Bericht', `${NOTICE} ${'Wort '.repeat(100_000)}Ende.`));
    expect(huge.text).not.toContain('Cookies');
    expect(huge.text.endsWith('Wort Ende.')).toBe(true);
    const after = templates.strip('outlet-a', item('Dritter Bericht', `${NOTICE} Die Feuerwehr löscht einen Brand.`));
    expect(after.text).not.toContain('Cookies');
    expect(after.text).toContain('Die Feuerwehr löscht einen Brand.');
    expect(after.title).toBe('Dritter Bericht');
  });

  it('leaves headline-only items alone: a headline its outlet repeats in part is a follow-up', () => {
    const templates = createSourceTemplates(undefined);
    const headline = 'Apple unveils the new iPhone with a bigger screen';
    templates.strip('outlet-a', item(headline, headline));
    const follow = `${headline} and longer battery`;
    expect(templates.strip('outlet-a', item(follow, follow)).title).toBe(follow);
  });

  it("stays bounded to the outlet's latest articles, where its templates recur", () => {
    const templates = createSourceTemplates(undefined, 10);
    for (let i = 0; i < 40; i++) {
      templates.strip('outlet-a', item(`Bericht ${i}`, `${NOTICE} Einmaliges Ereignis numero${i} heute.`));
    }
    expect(templates.state()['outlet-a']).toHaveLength(10);
    const again = templates.strip('outlet-a', item('Neu', `${NOTICE} Etwas anderes.`));
    expect(again.text).not.toContain('Cookies');
  });

  it('carries what it remembers across a restart through its state, ignoring keys it cannot read', () => {
    const before = createSourceTemplates(undefined);
    before.strip('outlet-a', item('Erster Bericht', `${NOTICE} Der Stadtrat tagt am Abend.`));
    const state = before.state();
    expect(state['outlet-a']?.[0]?.shingles.length).toBeGreaterThan(0);
    const after = createSourceTemplates({
      ...state,
      'outlet-a': [...state['outlet-a']!, { article: 'x', shingles: ['not a key!', '-5'] }],
    });
    const again = after.strip('outlet-a', item('Zweiter Bericht', `${NOTICE} Die Feuerwehr löscht einen Brand.`));
    expect(again.text).not.toContain('Cookies');
    expect(again.text).toContain('Die Feuerwehr löscht einen Brand.');
    expect(after.state()['outlet-a']?.find((e) => e.article === 'x')?.shingles).toEqual([]);
  });

  it('does not take an article re-clustered for its own template', () => {
    const templates = createSourceTemplates(undefined);
    const first = item('Erster Bericht', `${NOTICE} Der Stadtrat tagt am Abend.`);
    templates.strip('outlet-a', first);
    expect(templates.strip('outlet-a', first)).toEqual(first);
  });
});

describe('clustering with outlet templates', () => {
  it('keeps two unrelated articles of one outlet apart although they share a long notice', () => {
    const clusterer = createClusterer();
    const first = clusterer.assign(
      article({
        source: 'stadtblatt',
        language: 'de',
        title: 'Stadtrat beschließt neuen Haushalt',
        text: `${NOTICE} Der Stadtrat hat am Abend den Haushalt für das kommende Jahr beschlossen.`,
      }),
    );
    const second = clusterer.assign(
      article({
        source: 'stadtblatt',
        language: 'de',
        title: 'Feuerwehr löscht Brand in Lagerhalle',
        text: `${NOTICE} In einer Lagerhalle am Hafen brach in der Nacht ein Feuer aus.`,
      }),
    );
    expect(second.storyKey).not.toBe(first.storyKey);
  });

  it('keeps the template state in the snapshot', () => {
    const clusterer = createClusterer();
    clusterer.assign(article({ source: 'stadtblatt', language: 'de', title: 'Titel', text: NOTICE }));
    expect(Object.keys(clusterer.snapshot().sourceTemplates ?? {})).toEqual(['stadtblatt']);
  });
});
