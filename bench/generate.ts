/**
 * A seeded generator of synthetic German and English tech articles for load: real-sounding titles and
 * bodies filled from the word lists and templates in bench/data/words.json. Articles come in "events"
 * (one company, person, product and topic), reported by several outlets in both languages within hours,
 * so the clusterer has real grouping work. Same seed, same archive.
 */
import { readFileSync } from 'node:fs';

type Lang = 'de' | 'en';
interface Topic { noun: string; verb: string; adj: string }
interface Words {
  companies: string[]; agencies: string[]; people: string[]; products: string[]; places: string[]; handles: string[];
  sources: Record<Lang, string[]>; topics: Record<Lang, Topic[]>; titles: Record<Lang, string[]>;
  sentences: Record<Lang, string[]>; weekdays: Record<Lang, string[]>; months: Record<Lang, string[]>;
}

export interface GeneratedArticle {
  url: string;
  title: string;
  text: string;
  published: string;
  language: Lang;
  source: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Date of the first article. */
  start: Date;
  /** Arrival rate: articles per day (sets how many fall inside a clustering window). */
  perDay?: number;
  /** Target body length in characters. */
  textChars?: number;
  /** Distinguishes URLs of separate runs over the same period. */
  urlPrefix?: string;
}

interface Event {
  id: number; company: string; person: string; product: string; agency: string; place: string; handle: string;
  topic: number; number: number;
}

let cachedWords: Words | undefined;
function words(): Words {
  cachedWords ??= JSON.parse(readFileSync(new URL('./data/words.json', import.meta.url), 'utf8')) as Words;
  return cachedWords;
}

/** mulberry32: small, fast, good enough for load data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* generateArticles(options: GenerateOptions): Generator<GeneratedArticle> {
  const w = words();
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const stepMs = 86_400_000 / (options.perDay ?? 600);
  const active: Event[] = [];
  let nextEvent = 0;
  for (let i = 0; i < options.count; i += 1) {
    if (active.length === 0 || random() < 0.3) {
      active.push({
        id: nextEvent++, company: pick(w.companies), person: pick(w.people), product: pick(w.products),
        agency: pick(w.agencies), place: pick(w.places), handle: pick(w.handles),
        topic: Math.floor(random() * w.topics.de.length), number: 1000 + Math.floor(random() * 900_000),
      });
      if (active.length > 30) active.shift();
    }
    const event = pick(active);
    const language: Lang = random() < 0.5 ? 'de' : 'en';
    const fill = filler(w, event, language, pick, random);
    const title = fill(pick(w.titles[language]));
    const source = pick(w.sources[language]);
    const published = new Date(options.start.getTime() + i * stepMs);
    const path = `${options.urlPrefix ?? 'a'}${i}-e${event.id}`;
    yield {
      url: `https://${slug(source)}.example/${published.toISOString().slice(0, 10)}/${path}`,
      title,
      text: body(w, language, options.textChars ?? 3000, fill, pick),
      published: published.toISOString(),
      language,
      source,
    };
  }
}

function filler(w: Words, event: Event, language: Lang, pick: <T>(l: readonly T[]) => T, random: () => number) {
  const topic = w.topics[language][event.topic]!;
  const slots: Record<string, () => string> = {
    company: () => event.company, person: () => event.person, product: () => event.product,
    agency: () => event.agency, place: () => event.place, handle: () => event.handle,
    noun: () => topic.noun, verb: () => topic.verb, adj: () => topic.adj,
    number: () => event.number.toLocaleString(language === 'de' ? 'de-DE' : 'en-US'),
    weekday: () => pick(w.weekdays[language]), month: () => pick(w.months[language]),
    day: () => String(1 + Math.floor(random() * 28)), money: () => String(2 + Math.floor(random() * 180)),
    percent: () => String(1 + Math.floor(random() * 12)),
  };
  return (template: string) => template.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot]?.() ?? slot);
}

function body(w: Words, language: Lang, chars: number, fill: (t: string) => string, pick: <T>(l: readonly T[]) => T): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences = [fill(pick(w.sentences[language])), fill(pick(w.sentences[language])), fill(pick(w.sentences[language]))];
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, chars);
}

/** JSON Lines, as `newsdesk import` reads them. */
export function toJsonLines(articles: Iterable<GeneratedArticle>): string[] {
  return Array.from(articles, (article) => JSON.stringify(article));
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
