/**
 * JSON-LD blocks (`<script type="application/ld+json">`). Pages embed one object, an array, or an
 * `@graph`; publishers also ship broken JSON (trailing commas, raw newlines), which we skip quietly.
 */
import type { CheerioAPI } from 'cheerio';

export type LdNode = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|Report|LiveBlogPosting|WebPage|SocialMediaPosting|Review|BackgroundNewsArticle)$/;

export function readJsonLd($: CheerioAPI): LdNode[] {
  const nodes: LdNode[] = [];
  $('script[type="application/ld+json"]').each((_, element) => {
    const raw = $(element).text();
    const parsed = parseLenient(raw);
    if (parsed !== undefined) flatten(parsed, nodes, 0);
  });
  return nodes;
}

function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    try {
      // Raw control characters inside strings are the usual breakage.
      return JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function flatten(value: unknown, out: LdNode[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  const node = value as LdNode;
  out.push(node);
  if (Array.isArray(node['@graph'])) flatten(node['@graph'], out, depth + 1);
  if (node.mainEntity && typeof node.mainEntity === 'object') flatten(node.mainEntity, out, depth + 1);
}

function typesOf(node: LdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** The first article-like node, preferring real article types over a generic WebPage. */
export function articleNode(nodes: LdNode[]): LdNode | null {
  const articles = nodes.filter((node) => typesOf(node).some((t) => ARTICLE_TYPES.test(t)));
  return articles.find((node) => !typesOf(node).includes('WebPage')) ?? articles[0] ?? null;
}

export function ldString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return ldString(value[0]);
  if (value && typeof value === 'object') {
    const record = value as LdNode;
    return ldString(record.name ?? record['@value'] ?? null);
  }
  return null;
}

/** Author names: a string, a Person, or a list of them. */
export function ldAuthor(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((item) => ldString(item)).filter((name): name is string => Boolean(name));
  const unique = [...new Set(names)].filter((name) => !/^https?:/.test(name));
  return unique.length > 0 ? unique.join(', ') : null;
}
