import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractArticle } from '../../src/extract/index.ts';

const fixtures = join(import.meta.dirname, '../fixtures/extract');
const URL = 'https://www.example.org/artikel/1';

function extractFixture(name: string) {
  const page = extractArticle(decodeHtml(readFileSync(join(fixtures, name))), { url: URL });
  return { ...page, published: page.published ? page.published.toISOString() : null };
}

describe('extractArticle golden pages', () => {
  const pages = readdirSync(fixtures).filter((file) => file.endsWith('.html'));
  it('has fixtures', () => expect(pages.length).toBeGreaterThanOrEqual(4));
  for (const file of pages) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(join(fixtures, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      expect(extractFixture(file)).toEqual(expected);
    });
  }
});

describe('boilerplate removal on the German news page', () => {
  const { text } = extractFixture('german-news.html');
  it.each([
    ['cookie banner', 'Cookies'],
    ['navigation', 'Ratgeber'],
    ['breadcrumbs', 'Start ›'],
    ['share bar', 'Twittern'],
    ['byline and date line', '12.03.2024'],
    ['dash separator', '-----'],
    ['follow-us prompt', 'Google News'],
    ['related links', 'Zoom startet'],
    ['related heading', 'Mehr zum Thema'],
    ['comments', 'Endlich!'],
    ['newsletter widget', 'Postfach'],
    ['footer', 'Impressum'],
  ])('drops the %s', (_, snippet) => expect(text).not.toContain(snippet));

  it('keeps headings and list items of the body, paragraphs separated by a blank line', () => {
    expect(text).toContain('\n\nWas Datenschützer sagen\n\n');
    expect(text).toContain('Aufgabenlisten mit Zuständigkeiten');
    expect(text.startsWith('Microsoft verteilt ab sofort')).toBe(true);
    expect(text.endsWith('Privatkunden sollen im Sommer folgen.')).toBe(true);
  });
});

describe('boilerplate inside the article container of the magazine page', () => {
  const { text, title } = extractFixture('german-magazine.html');
  it.each([
    ['picture caption (class word after a BEM separator)', 'Bahndämme'],
    ['letters call-to-action', 'Leserbrief'],
    ['donation box', 'Jede kleine Spende'],
    ['author box whose only "content" word is in the author token', 'Katrin Beispiel'],
    ['heading over a dropped link list', 'Weitere Tourentipps'],
  ])('drops the %s', (_, snippet) => expect(text).not.toContain(snippet));

  it('leaves the title heading to `title` instead of repeating it at the top of the text', () => {
    expect(title).toBe('Mit dem Rad durch die Uckermark');
    expect(text.startsWith('Die Uckermark ist flach')).toBe(true);
  });
});

describe('line-level prompts and legends inside the article', () => {
  const paragraph = (n: number): string => `<p>Absatz ${n} erzählt, was geschah, mit Namen, Zahlen und einem Zitat, damit er lang genug für einen echten Absatz ist.</p>`;
  const body = (extra: string): string => extractArticle(`<html><body><article>${paragraph(1)}${paragraph(2)}${extra}${paragraph(3)}</article></body></html>`).text;

  it.each([
    ['"Schon gelesen?" teaser lead-in', '<p>Schon gelesen?</p>', 'Schon gelesen'],
    ['press contact label', '<p><strong>Kontakt:</strong></p>', 'Kontakt'],
    ['newsletter pitch', '<p>Verpasse keine News zu Wissenschaft und Technik</p>', 'Verpasse keine'],
    ['bare "updated" label', '<p>Aktualisiert am</p>', 'Aktualisiert'],
    ['inline teaser box for the print issue', '<div class="a-inline-textbox"><h2>TR 7/2019</h2><p>Dieser Beitrag stammt aus Ausgabe 7/2019 der Zeitschrift. Highlights aus dem Heft:</p></div>', 'Ausgabe 7/2019'],
    ['image legend', '<div class="legend"><div class="content">Der Hirschkäfer lebt in alten Eichenwäldern.</div></div>', 'Hirschkäfer'],
    ['"more columns" heading', '<h3>Mehr Kolumnen auf Beispielblog:</h3>', 'Kolumnen'],
    ['"discover now" heading', '<h2>Entdecken Sie jetzt</h2>', 'Entdecken'],
    ['sources toggle', '<p>Quellen ausblenden</p>', 'Quellen'],
    ['parenthesised disclaimer', '<p>(Alle Angaben ohne Gewähr)</p>', 'Gewähr'],
    ['comment prompt', '<p>Verraten Sie gerne in den Kommentaren: Wie gefällt Ihnen das?</p>', 'Verraten'],
    ['app and subscription prompts', '<p>Subscribe now to our e-paper for the full story.</p><p>For breaking news download the Example apps for iOS and Android.</p>', 'Subscribe'],
    ['PDF download link', '<p>Dieses Skript als PDF herunterladen</p>', 'PDF'],
    ['advertising label', '<p>*Werbung. Dieser Beitrag enthält Werbung für eine Modemarke.</p><p>Anzeige, enthält Affiliate Links</p>', 'Werbung'],
    ['reader appeal', '<p>Gefällt dir unser Magazin? Wir haben uns gegen eine Bezahlschranke entschieden, denn wir möchten möglichst viele Menschen erreichen. Unterstütze uns mit einem kleinen Beitrag, damit das so bleibt.</p>', 'Bezahlschranke'],
    ['affiliate-link notice', '<p>Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von einer Produkt-API</p>', 'Verlinkungen'],
    ['opinion disclaimer', '<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p>', 'Meinung des Autors'],
    ['publication date label', '<p>Veröffentlichung: 2. Februar 2022</p>', 'Februar'],
    ['channel pitch', '<p>¡Mira lo que tiene nuestro canal de YouTube!</p>', 'YouTube'],
    ['membership pitch', '<p>HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS</p><p>Tú también puedes apoyarnos. Cancela cuando quieras.</p>', 'MIEMBRO'],
    ['reprint notice', '<p>© 2022, Example News. This article is the copyrighted property of Example News. Written permission must be obtained before reprint in online or print media.</p>', 'copyrighted'],
    ['subscriber notice', '<p>If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.</p>', 'subscriber'],
    ['follow prompt naming the paper', '<p>Follow The Example Times on Twitter and Instagram @ExampleTimes and on Facebook @ExampleTimes. Send us a message on WhatsApp or email us at desk@example.org.</p>', 'Follow'],
    ['Polish print link', '<p>drukuj</p>', 'drukuj'],
    ['Portuguese "see also" lead-in', '<div>Veja Também:</div>', 'Veja'],
    ['Spanish topics label and an external-content placeholder', '<p>Temas</p><div>Externer Inhalt</div>', 'Temas'],
    ['caption ending in a photo credit', '<p>Son tres los periodos de vacaciones durante el año escolar. Foto: Andina</p>', 'vacaciones'],
    ['"written by" line', '<p>Verfasst von: beispielblog | 31. Dezember 2008</p>', 'Verfasst'],
    ['WordPress filing line', '<p>Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials. Kommentare zu diesem Eintrag im RSS-Feed.</p>', 'abgelegt'],
    ['login-to-comment notice', '<p>Du musst eingeloggt sein um Kommentare zu schreiben!</p>', 'eingeloggt'],
    ['like-button residue', '<p>Gefällt mir Wird geladen...</p>', 'geladen'],
    ['suggested citation', '<p>SUGGESTED CITATION Muster, Max: Ein Beitrag, Beispielblog, 2020/4/09.</p>', 'CITATION'],
    ['Polish reading time and copyright notice', '<p>Ten tekst przeczytasz w mniej niż minutę</p><p>Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.</p>', 'przeczytasz'],
    ['dated "updated" line with a full stop', '<p>Aktualisiert am 17.01.2021.</p>', 'Aktualisiert'],
    ['bare release-date label and permalink', '<p>Release Date:</p><p>Permalien https://p.example.org/p/RPYx</p>', 'Permalien'],
    ['contact-person label', '<p><strong>Ansprechpartnerin zum Thema:</strong></p>', 'Ansprechpartnerin'],
    ['"related topics" heading', '<h3>Verwandte Themenbereiche</h3>', 'Verwandte'],
    ['caption ending in a copyright credit', '<p>Marco Odermatt, Ski-Star aus der Schweiz. © AFP / Fotografin</p>', 'Odermatt'],
    ['zoom-button caption', '<div>Vergrößern Eine kleine runde Aussparung für die Kamera im Display.</div>', 'Aussparung'],
    ['archive-picture caption', '<p>Logo des Zentralkomitees (Archiv)</p>', 'Zentralkomitee'],
  ])('drops a %s', (_, extra, snippet) => {
    const text = body(extra);
    expect(text).toContain('Absatz 3');
    expect(text).not.toContain(snippet);
  });
});

describe('headings', () => {
  const paragraph = (n: number): string => `<p>Absatz ${n} erzählt, was geschah, mit Namen, Zahlen und einem Zitat, damit er lang genug für einen echten Absatz ist.</p>`;

  it('keeps a heading directly above a sub-heading whose section survives', () => {
    const html = `<html><body><article>${paragraph(1)}<h2>Zubereitung</h2><h3>Schritt 1</h3>${paragraph(2)}${paragraph(3)}</article></body></html>`;
    expect(extractArticle(html).text).toContain('Zubereitung\n\nSchritt 1\n\nAbsatz 2');
  });

  it('keeps an h1 that is not the first line of the text', () => {
    const html = `<html><body><article>${paragraph(1)}<h1>Zweiter Teil</h1>${paragraph(2)}${paragraph(3)}</article></body></html>`;
    expect(extractArticle(html).text).toContain('Zweiter Teil');
  });
});

describe('extractArticle edge cases', () => {
  it('uses JSON-LD articleBody when the DOM holds no text (script-rendered page)', () => {
    const page = extractFixture('english-jsonld.html');
    expect(page.text.split('\n\n')).toHaveLength(3);
    expect(page.language).toBe('en');
  });

  it('falls back to <noscript> content when the scripted page shows no text', () => {
    const story = Array.from({ length: 4 }, (_, i) => `<p>Satz ${i}: Die Sicherheitsfunktion prüft Adressen, bevor der Browser sie lädt, und warnt vor Betrug.</p>`).join('');
    const html = `<html><body><div class="post-body"><div class="post-content"><script>render()</script><noscript>${story}</noscript></div></div></body></html>`;
    expect(extractArticle(html).text).toContain('Satz 3: Die Sicherheitsfunktion');
  });

  it('reads the titled object of a script-rendered page\'s embedded state (React props), not its related items', () => {
    const steps = (what: string): object[] => [1, 2, 3].map((n) => ({ text: `<p>Schritt ${n}: ${what} zuschneiden, falten, feststecken und mit einem Zickzackstich sauber versäumen.</p>` }));
    const props = {
      project: { title: 'Runde Tischdecke nähen', description: '<p>Ein runder Tisch braucht eine runde Decke.</p>', steps: steps('Stoff') },
      related: { title: 'Tafelwand reinigen', description: '<p>Kreide entfernen ohne Schlieren.</p>', steps: steps('Tuch') },
    };
    const attribute = JSON.stringify(props).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const html = `<html><head><meta property="og:title" content="Runde Tischdecke nähen | Beispiel"></head>` +
      `<body><div id="app" data-react-props="${attribute}"></div><script>render()</script></body></html>`;
    const { text } = extractArticle(html);
    expect(text.startsWith('Ein runder Tisch braucht eine runde Decke.')).toBe(true);
    expect(text).toContain('Schritt 3: Stoff zuschneiden');
    expect(text).not.toContain('Kreide');
  });

  it('prefers the DOM text over a truncated articleBody', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} tells the whole story, with details, quotes, and context for readers.</p>`).join('');
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Short teaser."}</script></head><body><article>${body}</article></body></html>`;
    expect(extractArticle(html).text).toContain('Paragraph 5 tells');
  });

  it('survives broken JSON-LD and pages without a body', () => {
    const page = extractArticle('<script type="application/ld+json">{"@type": "NewsArticle",</script><p>Hallo Welt</p>');
    expect(page.text).toBe('Hallo Welt');
    expect(extractArticle('').text).toBe('');
  });

  it('normalises declared languages and resolves the canonical URL against the page URL', () => {
    const page = extractArticle('<html lang="EN_gb"><head><link rel="canonical" href="../b?x=1"></head><body></body></html>', { url: 'https://example.com/a/c' });
    expect(page.language).toBe('en');
    expect(page.canonicalUrl).toBe('https://example.com/b?x=1');
    expect(extractArticle('<html lang="x-klingon"></html>').language).toBeNull();
    expect(extractArticle('<meta property="og:locale" content="fr_FR">').language).toBe('fr');
  });

  it('reads German date formats and rejects junk dates', () => {
    const german = extractArticle('<meta name="date" content="31.05.2012, 14:05 Uhr">');
    expect(german.published?.toISOString()).toBe('2012-05-31T14:05:00.000Z');
    expect(extractArticle('<meta name="date" content="gestern">').published).toBeNull();
  });
});

describe('decodeHtml', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  it('follows the byte-order mark', () => {
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Grüße</p>')]))).toBe('<p>Grüße</p>');
    expect(decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>ß</p>', 'utf16le')]))).toBe('<p>ß</p>');
  });
  it('follows the header charset, then the meta declaration', () => {
    expect(decodeHtml(latin1('<p>Größe</p>'), 'ISO-8859-1')).toBe('<p>Größe</p>');
    expect(decodeHtml(latin1('<meta charset="windows-1252"><p>5 \x80</p>'))).toContain('5 €');
    expect(decodeHtml(Buffer.from('<p>Привет</p>', 'utf8'), 'utf-8')).toBe('<p>Привет</p>');
  });
  it('reads undeclared pages as UTF-8, falling back to windows-1252', () => {
    expect(decodeHtml(Buffer.from('<p>Müller</p>'))).toBe('<p>Müller</p>');
    expect(decodeHtml(latin1('<p>M\xfcller \x84zitiert\x93</p>'))).toBe('<p>Müller „zitiert“</p>');
  });
  it('reads UTF-8 bytes as UTF-8 despite a stale Latin-1 declaration', () => {
    expect(decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>Grüße</p>'))).toContain('Grüße');
  });
});

describe('choosing the content container', () => {
  const sentence = (topic: string, n: number): string =>
    `${topic} ${n}: Der Test prüft Sitze, Gurte, Polster und Bezüge, misst Kräfte beim Aufprall und bewertet, wie leicht sich alles bedienen lässt.`;
  const module = (topic: string): string =>
    `<div class="module"><div class="module-inner">${[0, 1, 2].map((n) => `<p>${sentence(topic, n)}</p>`).join('')}</div></div>`;
  const table = `<table>${Array.from({ length: 16 }, (_, i) => `<tr><td><a href="/m/${i}">Modell ${i}</a></td><td>gut (2,${i})</td></tr>`).join('')}</table>`;

  it('takes the ancestor shared with other text modules that score nearly as well (test page split by result tables)', () => {
    const html = `<html><body><div class="col"><div class="hint"><div class="wrap">${module('Ergebnis')}</div></div>${table}` +
      `<div class="row"><div class="cell">${module('Sicherheit')}</div></div>${table}${module('Bedienung')}</div>` +
      `<div class="links"><p><a href="/tests">Mehr Tests im Überblick</a></p></div></body></html>`;
    const { text } = extractArticle(html);
    for (const topic of ['Ergebnis 0', 'Sicherheit 2', 'Bedienung 2']) expect(text).toContain(topic);
    expect(text).not.toContain('Mehr Tests');
  });

  it('goes up to the body when the text sections sit straight under it', () => {
    const gas = (topic: string): string => [0, 1, 2].map((n) =>
      `<p>${topic} ${n}: Das Gas entsteht aus Biomasse, Reststoffen oder Strom, lässt sich lagern, transportieren und in bestehenden Heizungen verbrennen.</p>`).join('');
    const facts = Array.from({ length: 20 }, (_, i) => `<li>Kennzahl ${i}: ${i * 7} Prozent</li>`).join('');
    const html = `<html><body><section class="head"><div class="wrap"><div class="post-text">${gas('Einleitung')}</div></div><ul>${facts}</ul></section>` +
      `<div class="topic"><div class="col text">${gas('Herstellung')}</div></div><div class="topic"><div class="col text">${gas('Nutzung')}</div></div></body></html>`;
    const { text } = extractArticle(html);
    for (const topic of ['Einleitung 0', 'Herstellung 2', 'Nutzung 2']) expect(text).toContain(topic);
  });

  describe('a news page whose lead sits in the <main> header and which carries a pop-up', () => {
    const para = (word: string, n: number): string =>
      `<p>${word} ${n}: Schnee auf den Modulen drückt mit bis zu zweihundert Kilo je Quadratmeter, Rahmen und Glas können brechen, warnen Gutachter.</p>`;
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">Nachricht Nummer ${i} aus der Redaktion</a></li>`).join('');
    const page = (popup: string): string => `<html><body><main><div class="container"><header><h1>Schnee belastet Module</h1>` +
      `<p class="intro">Eine Schneedecke auf der Photovoltaikanlage ist nicht nur ein Ertragsproblem.</p></header>` +
      `<div class="body"><div class="text">${[1, 2, 3].map((n) => para('Absatz', n)).join('')}</div></div></div><ul class="more">${links}</ul></main>` +
      `<div class="${popup}"><div class="${popup}-content">${[4, 5, 6, 7].map((n) => para('Fenster', n)).join('')}</div></div></body></html>`;

    it('keeps the lead paragraph of the <main> header', () => {
      const { text } = extractArticle(page('popup'));
      expect(text.startsWith('Eine Schneedecke auf der Photovoltaikanlage')).toBe(true);
      expect(text).toContain('Absatz 3');
    });

    it.each(['popup', 'sp-dsgvo-privacy', 'pum-overlay popmake'])('drops a longer overlay (%s) beside the marked article', (popup) => {
      const { text } = extractArticle(page(popup));
      expect(text).toContain('Absatz 3');
      expect(text).not.toContain('Fenster');
    });
  });

  it('drops an author box styled as one more content box', () => {
    const bio = '<p>Nach langjähriger Tätigkeit im Ausland kam sie zurück und schreibt seitdem über Marketing, Medien und soziale Netzwerke für dieses Blog.</p>';
    const html = `<html><body><div class="col"><div class="main-box">${module("Tipp")}${module("Rat")}</div>` +
      `<div class="main-box author-box"><div class="data-content">${bio}${bio.replace('sie', 'er')}</div></div></div></body></html>`;
    const { text } = extractArticle(html);
    expect(text).toContain('Tipp 2');
    expect(text).not.toContain('langjähriger');
  });

  it.each([
    ['an intro paragraph', '<p class="intro"><span itemprop="description">So sehen Sie das Spiel heute Abend live im Fernsehen und im Stream.</span></p>'],
    ['a sub-headline', '<h2 class="subheadline">So sehen Sie das Spiel heute Abend live im Fernsehen und im Stream.</h2>'],
  ])('keeps a marked lead (%s) above the body container on a page without <article>', (_, lead) => {
    const para = (n: number): string => `<p>Absatz ${n}: Das Spiel läuft im Bezahlfernsehen, im Radio gibt es Zusammenfassungen und im Netz einen Liveticker mit allen Toren.</p>`;
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">Nachricht Nummer ${i} aus der Redaktion</a></li>`).join('');
    const html = `<html><body><div id="page"><div class="wide"><div class="head-box">${lead}</div><div class="left"><div class="page">` +
      `<div id="body">${[1, 2, 3].map(para).join('')}</div><ul>${links}</ul></div></div></div></div></body></html>`;
    expect(extractArticle(html).text.startsWith('So sehen Sie das Spiel heute Abend live')).toBe(true);
  });

  it('keeps a lead classed as teaser text when it is the only one of its class, and drops teaser cards', () => {
    const para = (n: number): string => `<p>Absatz ${n}: Der neue Turm am Eingang trägt Wünsche der Besucher, gesammelt auf Zetteln, Tafeln und in einer Box.</p>`;
    const card = (n: number): string => `<div class="news-card"><h3><a href="/n/${n}">Nachricht ${n}</a></h3><div class="teaser-text">Kurzfassung Nummer ${n} mit einem <a href="/n/${n}">Link</a> zum Artikel.</div></div>`;
    const html = `<html><body><main><div class="news-single"><h1>Der Turm der Wünsche</h1>` +
      `<div class="teaser-text news-details__teaser"><p>Zukünftig wird man bei der Ein- oder Ausfahrt an einem Turm vorbeikommen.</p></div>` +
      `<div class="news-text">${[1, 2, 3].map(para).join('')}</div></div><div class="related">${[1, 2, 3].map(card).join('')}</div></main></body></html>`;
    const { text } = extractArticle(html);
    expect(text.startsWith('Zukünftig wird man bei der Ein- oder Ausfahrt')).toBe(true);
    expect(text).toContain('Absatz 3');
    expect(text).not.toContain('Kurzfassung');
  });

  it('drops an image lightbox even when its class also says "content"', () => {
    const rating = '<p>Melde dich an und bewerte das Bild, damit andere sehen, wie es gelungen ist.</p>';
    const html = `<html><body><article><div class="lightbox"><div class="lightbox-content">${rating.repeat(3)}</div></div>` +
      `<div class="text">${module('Rezept')}</div></article></body></html>`;
    const { text } = extractArticle(html);
    expect(text).toContain('Rezept 2');
    expect(text).not.toContain('bewerte das Bild');
  });
});
