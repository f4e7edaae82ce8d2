/**
 * Line-level boilerplate that survives inside the main container: share and follow prompts,
 * newsletter pitches, "read more" teasers, separators, bare dates and bylines, photo credits.
 * Each pattern matches a whole short block, so a sentence that merely mentions Google News stays.
 */
import type { TextBlock } from './blocks.ts';

const SEPARATOR = /^[\s\-–—_=*·•~.#+|/\\]{3,}$/;

/** Whole-block prompts, German and English (the seed article's "Folge uns auf Google News"). */
const PROMPTS = [
  /\b(folge|folgen sie|folgt) (uns|dem autor)\b/i,
  /\bfollow (us|me)\b/i,
  /\bdu willst mehr von uns lesen\b/i,
  /\bgoogle news\b/i,
  /\bnewsletter\b/i,
  /^(jetzt |hier )?(teilen|share|tweet|drucken|print|e-?mail|mail|whatsapp|facebook|twitter|linkedin|pinterest|xing|reddit|flipboard|pocket|kommentieren|merken)\b[\s:|]*$/i,
  /^(teilen|share( this( article| post| page)?)?|diesen artikel teilen|artikel teilen|seite teilen)\s*:?\s*$/i,
  /^(mehr zum thema|mehr dazu|lesen sie auch|lies auch|auch interessant|das könnte sie auch interessieren|das könnte dich auch interessieren|weitere artikel|weiterlesen|mehr lesen|mehr erfahren|zum artikel|related( articles| posts| stories)?|read more|read next|more from|you may also like|see also|recommended|empfohlene artikel|ähnliche artikel|ähnliche beiträge|verwandte artikel|verwandte themen[a-zäöü]*|verwandte beiträge|zur startseite|zurück|nach oben|top)\b[\s.:…»›>]*$/i,
  /^[-–(\s]*(anzeige|werbung|advertisement|sponsored|gesponsert|reklama|publicité)[-–)\s:]*$/i,
  /^(das|diese[sr]?) (thema|themen|artikel|beiträge) (könnte|könnten) (dich|sie|euch) (auch )?interessieren\b/i,
  /^(you (might|may) also (like|enjoy)|explore further|more (on|about) this|further reading|weiterführende links?|weitere (themen|informationen|links|beiträge|artikel|nachrichten|meldungen)|empfohlene (beiträge|artikel)|ähnliche (themen|artikel|beiträge|posts)|beliebte (artikel|beiträge)|meistgelesen|most (read|popular)|zobacz (także|też)|czytaj (także|też|więcej)|à lire aussi|lire aussi|voir aussi|articles les plus lus)\b.{0,60}$/i,
  /^(rezept|artikel|seite|beitrag) (drucken|teilen|merken|speichern|empfehlen)\b/i,
  /^(war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)|möchten sie (den|diesen) (artikel|beitrag) teilen|hat (dir|ihnen) (der|dieser) (artikel|beitrag) gefallen|was this (article|post) helpful|did you (like|enjoy) this)\b/i,
  /^(kommentare?|kommentar) (schreiben|geschlossen|verfassen|anzeigen|lesen)\b/i,
  /^(photograph|photo|foto|bild|image|picture|abbildung|abb\.|grafik)s?\s*(by|von|via|:|\d+:)/i,
  /^\(?(quelle|source|foto|fotos|bild|bildquelle|credits?|photo|image)\s*:[^)]{0,80}\)?$/i,
  /^(mit diesem button|klicken sie hier|click here)\b/i,
  /^(über (den|die) autor(in|en)?|about the authors?|zum autor|zur autorin|autoreninfo)\b[\s:]*$/i,
  /^(weiterführende|weitere|mehr) (informationen|links?|infos)\b.{0,40}$/i,
  /^\(?(alle angaben ohne gewähr|sofern nicht anders (angegeben|ausgewiesen|vermerkt)|(dieser|der) (text|beitrag|artikel) (wurde|ist) .{0,40}(veröffentlicht|erschienen))/i,
  /^(tags|schlagworte|schlagwörter|stichworte|stichwörter|themen|inhaltsverzeichnis|inhalt|table of contents|contents)\s*:?\s*$/i,
  /^(lesezeit|reading time|lesedauer)\b|^\d+\s*(min\.?|minuten|minutes?|minut)\s*(lesezeit|lesen|read|czytania)\b/i,
  /^(\(?noch keine bewertungen\)?|bewerten sie (diesen|den) (artikel|beitrag)|rate this)/i,
  /\b(cookies?|datenschutzerklärung|privacy policy)\b.*\b(akzeptieren|zustimmen|einverstanden|accept|agree|verwenden|nutzen|use)\b/i,
  /^(alle rechte vorbehalten|all rights reserved|©|\(c\)|copyright)\b/i,
  /^(foto|fotos|bild|bilder|photo|image|quelle|source|credit|grafik|illustration|titelbild|beitragsbild|symbolbild)\s*:\s*\S.{0,80}$/i,
  /^(tags|schlagworte|schlagwörter|themen|kategorien?|categories|filed under|posted in|veröffentlicht in)\s*:/i,
  /^(kommentare?|comments?|\d+ (kommentare?|comments?|antworten|replies))\s*(\(\d+\))?\s*:?$/i,
  /^(schreibe|hinterlasse) (einen|einen neuen) kommentar|^leave a (reply|comment)|^kommentar (schreiben|verfassen)/i,
  /^(schon gelesen|zum weiterlesen|mehr themen|lesen sie (auch|dazu) (die|diese) folgenden (beiträge|artikel)|kontakt|pressekontakt|ansprechpartner(in)?( zum thema)?|diese seite)\s*[:?!]\s*$/i,
  /^((sie lesen|du liest|ihr lest) gerne?\b|verpasse keine|verpassen sie keine|jetzt (kostenlos )?(abonnieren|unterstützen)|unterstützen sie (unsere|unabhängigen)|werde (jetzt )?(mitglied|unterstützer)|support (our|independent) journalism|become a (member|supporter))/i,
  /^(vergrößern|bild vergrößern|zoom|enlarge)\b|\((archiv|archivbild|symbolbild)\)\s*$/i,
  /\b(nuestro|our|unser(em|en)?) (canal|channel|kanal)\b|\bcanal de (youtube|telegram|whatsapp)\b|\b(youtube|telegram|whatsapp)[- ](channel|kanal)\b/i,
  /^haz(te)? (miembro|socio|suscriptor)\b|^suscr[ií]bete\b|\bcancela cuando quieras\b|\bcancel (at )?any ?time\b/i,
  /^(drukuj|imprimer|imprimir|stampa|udostępnij|partager|compartir|condividi)\s*$/i,
  /^(veja também|leia também|lea también|ver también|lee también|leer más)\b.{0,40}$/i,
  /^(temas|etiquetas|tematy|tagi|sujets|argomenti)\s*:?\s*$|^(externer inhalt|external content)\b/i,
  /^(verfasst von|geschrieben von|posted by|written by)\s*:?\s.{0,60}$/i,
  /\b(eingeloggt|angemeldet) sein,? um\b|\bmust be logged in to (post|leave)\b/i,
  /^gefällt mir\b.{0,20}$|\bwird geladen\s*[.…]*$/i,
  /^(suggested citation|zitiervorschlag|zitierweise)\b/i,
  /\bprzeczytasz w\b|^zapraszamy (też )?do subskrypcji/i,
  /^quellen (anzeigen|ausblenden|einblenden)\s*[:?!]?\s*$/i,
  /^(mehr|weitere|alle) (\p{L}+ )?(themen|artikel|beiträge|kolumnen|news|nachrichten|meldungen|\p{L}*tipps|rezepte|videos|infos|zum thema)\b.{0,40}$/iu,
  /^entdecken sie (jetzt|mehr)\W*$/i,
  /\b(in den kommentaren|in the comments( below)?)\s*[:!?]/i,
  /\bdownload (the|our) .{0,40}\bapps?\b|^subscribe (now|today)\b|\bals pdf (herunterladen|downloaden|speichern)\s*$/i,
  /^\*?\s*(werbung|anzeige)\s*([.:|–-]\s|,)/i,
  /^(unterstütze|unterstützt) (uns|\p{Lu}\S*)/u,
  /^(dieser|der) (beitrag|artikel|text) (gibt|spiegelt) die meinung/i,
  /^(aktualisiert am|veröffentlicht am|zuletzt aktualisiert|veröffentlichung|erstellt am|last updated|published on|release date|publikacja|aktualizacja|ultima modifica)\s*:?\s*$/i,
  /^(permalink|permalien|kurz-?url|short ?url)\b\s*:?\s*\S*$/i,
];

/** Pitches and notices that run to a few sentences: a reader appeal, an affiliate-link or reprint notice. */
const LONG_PROMPTS = [
  /^gefällt (dir|ihnen|euch) (unser|unsere)\b/i,
  /\baffiliate[- ]?links?\b/i,
  /\b(copyrighted property|written permission must be obtained)\b/i,
  /\balready a subscriber\b|\bbereits abonnent\b/i,
  /\b(abgelegt unter|und wurde unter|filed under)\b/i,
  /\b(materiał chroniony prawem autorskim|wszelkie prawa zastrzeżone)\b/i,
  /^Follow (us|our|The \p{Lu}\S*) .{0,30}\bon (Twitter|Facebook|Instagram)\b/u,
];

/** Picture-agency credits: captions that survive as a short line of their own. */
const PHOTO_CREDIT = /\b(getty ?images|istock(photo)?|shutterstock|picture[- ]alliance|imago( images)?|unsplash|pixabay|adobe ?stock|fotolia|keystone|ap photo|dpa|afp|reuters|epa)\b/i;

/** A caption: a short line that ends with the picture's credit ("… © AFP / Jeff Pachoud", "… Foto: Andina"). */
const CREDIT_END = /©\s*[^.!?©]{1,60}$|[.\s]\s*(foto|fotos|photo|bild|crédito|credit|image)\s*:\s*[^.!?:]{1,50}$/i;

const MONTHS =
  'jan(uar|uary)?|feb(ruar|ruary)?|mär(z)?|mar(ch)?|apr(il)?|mai|may|jun(i|e)?|jul(i|y)?|aug(ust)?|sep(t(ember)?)?|okt(ober)?|oct(ober)?|nov(ember)?|dez(ember)?|dec(ember)?';
const DATE_LINE = new RegExp(
  `^((veröffentlicht|veröffentlichung|publiziert|erschienen|aktualisiert|erstellt|stand|published|updated|posted|datum|date|publikacja)( am| on)?\\s*:?\\s*)?` +
    `((mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?` +
    `(\\d{1,2}\\.\\s*(${MONTHS})\\.?\\s*\\d{2,4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|(${MONTHS})\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    `([,|\\s-]*(um\\s*)?\\d{1,2}[:.]\\d{2}(\\s*(uhr|h|am|pm))?)?\\.?\\s*(\\|.*)?$`,
  'i',
);
const BYLINE = /^(von|by|autor(in)?|author|text|foto|fotos)\s*:?\s+[\p{Lu}][\p{L}.'-]+(\s+(und|and|&|,)?\s*[\p{Lu}][\p{L}.'-]*){0,5}\s*[,|]?\s*(\d.*)?$/u;

export function isBoilerplateBlock(block: TextBlock): boolean {
  const { text } = block;
  if (SEPARATOR.test(text)) return true;
  if (text.length <= 160 && PROMPTS.some((pattern) => pattern.test(text))) return true;
  if (text.length <= 300 && LONG_PROMPTS.some((pattern) => pattern.test(text))) return true;
  if (text.length <= 80 && (DATE_LINE.test(text) || BYLINE.test(text))) return true;
  if (text.length <= 60 && PHOTO_CREDIT.test(text) && !/[.!?]["“”»«]?$/.test(text)) return true;
  if (text.length <= 200 && CREDIT_END.test(text)) return true;
  return isLinkList(block);
}

/** Mostly link text: menus, tag lists, "read also" teasers that sit inside the article container. */
function isLinkList(block: TextBlock): boolean {
  const density = block.linkChars / block.text.length;
  if (density > 0.8) return true;
  if (density > 0.35 && block.text.length < 200) return true;
  return block.kind === 'item' && density > 0.3 && block.text.length < 100;
}
