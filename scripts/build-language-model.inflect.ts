/**
 * Regular German inflection for the stem lists in data/language/stems-de.txt. Irregular forms
 * are listed in words-de.txt; the rare wrong form made here ("arzte") costs little, a missing
 * regular one ("kostenlosen") costs a misclassified word.
 */

const UNSEPARATED_PREFIX = /^(be|ge|er|ver|zer|ent|emp|miss|über|unter|hinter|wider)/;

export function adjectiveForms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const forms = [base];
  for (const ending of ['e', 'en', 'er', 'es', 'em']) forms.push(stem + ending);
  for (const ending of ['er', 'ere', 'eren', 'erer', 'eres', 'erem']) forms.push(stem + ending);
  const superlative = /[sßxzdt]$/.test(stem) ? `${stem}est` : `${stem}st`;
  for (const ending of ['e', 'en', 'er', 'es', 'em']) forms.push(superlative + ending);
  return forms;
}

export function weakVerbForms(infinitive: string): string[] {
  const stem = infinitive.endsWith('en') ? infinitive.slice(0, -2) : infinitive.slice(0, -1);
  // "arbeiten" → "arbeitet", "rechnen" → "rechnet": an e keeps the ending audible.
  const e = /([td]|[^aeiouälmnr][mn])$/.test(stem) ? 'e' : '';
  const forms = [infinitive, `${stem}e`, `${stem}${e}st`, `${stem}${e}t`, `${infinitive}d`];
  for (const ending of ['te', 'test', 'ten', 'tet']) forms.push(stem + e + ending);
  const participle = `${stem}${e}t`;
  const plainParticiple = infinitive.endsWith('ieren') || UNSEPARATED_PREFIX.test(infinitive);
  forms.push(plainParticiple ? participle : `ge${participle}`);
  return forms;
}

export function nounForms(base: string, plural: 'en' | 'e' | 'er' | 's'): string[] {
  switch (plural) {
    case 'en':
      if (base.endsWith('in')) return [base, `${base}nen`];
      return [base, /(e|el|er)$/.test(base) ? `${base}n` : `${base}en`];
    case 'e':
      return [base, `${base}e`, `${base}es`, `${base}en`, `${base}s`];
    case 'er': {
      const plural = umlautLastVowel(base);
      const genitive = /[sßxz]$/.test(base) ? `${base}es` : `${base}s`;
      return [base, `${base}es`, genitive, `${plural}er`, `${plural}ern`];
    }
    case 's':
      return [base, `${base}s`];
  }
}

function umlautLastVowel(word: string): string {
  const match = /(au|a|o|u)([^aeiouäöü]*)$/.exec(word);
  if (!match) return word;
  const vowel = match[1] === 'au' ? 'äu' : { a: 'ä', o: 'ö', u: 'ü' }[match[1] as 'a' | 'o' | 'u'];
  return word.slice(0, match.index) + vowel + (match[2] ?? '');
}

/** ASCII spellings seen in URLs, old systems and some corpora: "tatsächlich" → "tatsaechlich". */
export function asciiSpelling(word: string): string {
  return word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/** Expands a stems file: '# adjectives', '# weak verbs', '# nouns-en|e|er|s' sections. */
export function expandStems(lines: readonly string[]): string[] {
  const words: string[] = [];
  let expand: (stem: string) => string[] = (stem) => [stem];
  for (const line of lines) {
    const section = /^# (adjectives|weak verbs|nouns-(en|e|er|s))$/.exec(line.trim());
    if (section) {
      const kind = section[1];
      const plural = section[2] as 'en' | 'e' | 'er' | 's' | undefined;
      if (kind === 'adjectives') expand = adjectiveForms;
      else if (kind === 'weak verbs') expand = weakVerbForms;
      else if (plural) expand = (stem) => nounForms(stem, plural);
      continue;
    }
    if (line.startsWith('#')) continue;
    for (const stem of line.split(/\s+/).filter(Boolean)) words.push(...expand(stem));
  }
  return words;
}
