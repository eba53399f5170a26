import { BoundedMemo } from './bounded-memo';
import type { CorpusEntity, EntityKind } from './types';
import type { NameMention } from './entity-extract';
import { foldSpelling } from './word-forms';
import { withoutMarks } from './text-fold';
import { COUNTRY_OF, givenMatchKey, givenNameKey, nameKey, SURNAME_PARTICLES } from './name-rules';

const COUNTRY_NAMES = new Set(COUNTRY_OF.values());

/** A mention after resolution: which entity it names. */
export interface ResolvedMention extends NameMention {
  entityId: string;
}

/** Every field of `T`, optional ones included (as possibly undefined): leaving one out does not compile. */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

/**
 * `m` resolved to entity `entityId`, as a new object with every field written
 * out rather than spread: a spread of mentions of several shapes, plus two new
 * fields, made each copy in V8's slow path and left its readers megamorphic.
 */
export function resolvedMention(m: NameMention, entityId: string, kind: EntityKind): ResolvedMention {
  const resolved: EveryField<ResolvedMention> = {
    start: m.start,
    end: m.end,
    name: m.name,
    kind,
    given: m.given,
    surname: m.surname,
    role: m.role,
    roleStart: m.roleStart,
    roleEnd: m.roleEnd,
    titled: m.titled,
    sentence: m.sentence,
    entityId,
  };
  return resolved;
}

/** The key that identifies a person across spellings: surname key plus given-name key when written. */
function personKey(surname: string, given?: string): string {
  return `${surnameKey(surname)}|${given ? givenMatchKey(given) : ''}`;
}

/**
 * The particles of a surname, written apart or together, in any case: "de la Cruz", "De La
 * Cruz" and "dela Cruz" are one surname, as are "Van der Berg" and "van der Berg".
 */
const PARTICLE_GAP = new RegExp(`\\b(${[...SURNAME_PARTICLES].join('|')}) `, 'g');

function surnameKey(surname: string): string {
  return surname.split(/\s+/).map(nameKey).join(' ').replace(PARTICLE_GAP, '$1');
}

/** Folded names by name: a page names the same people again and again, each lookup folds up to three times. */
const foldedNames = new BoundedMemo<string, string>(1_000);

/** A case- and spelling-insensitive key for an organisation or place name. */
export function nameFold(name: string): string {
  return foldedNames.get(name, foldName);
}

/**
 * Short forms that stand for a country inside an organisation's name: "US
 * Geological Survey" is the "United States Geological Survey". Alone, they
 * are the country, which has a key of its own.
 */
const COUNTRY_SHORT_FORMS: Array<[RegExp, string]> = [
  [/(?<![\p{L}.])(?:U\.S\.(?:A\.)?|USA?)(?![\p{L}.])/gu, 'United States'],
  [/(?<![\p{L}.])(?:U\.K\.|UK)(?![\p{L}.])/gu, 'United Kingdom'],
];
/** Short forms of unions of countries, alone or inside a name: "the UN", "UN Security Council". */
const UNION_SHORT_FORMS: Array<[RegExp, string]> = [
  [/(?<![\p{L}.])(?:U\.N\.|UN)(?![\p{L}.])/gu, 'United Nations'],
  [/(?<![\p{L}.])EU(?![\p{L}.])/gu, 'European Union'],
];

/**
 * "Ministry of Defense" and "Defense Ministry" are one ministry, as are the "Department of
 * Justice" and the "Justice Department": the key puts what the office is for before its head.
 * "Affairs" is left out before the head, so the "Foreign Affairs Ministry" is the "Foreign Ministry".
 */
const OFFICE_OF = /^(.*?)\b(ministry|department) of (.+)$/;
const AFFAIRS_OFFICE = /\baffairs (ministry|department)$/;

function foldName(name: string): string {
  const forms = /\s/.test(name) ? [...COUNTRY_SHORT_FORMS, ...UNION_SHORT_FORMS] : UNION_SHORT_FORMS;
  const expanded = forms.reduce((text, [short, long]) => text.replace(short, long), name);
  return expanded
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(OFFICE_OF, '$1$3 $2')
    .replace(AFFAIRS_OFFICE, '$1')
    .split(/[\s-]+/)
    .map((w) => foldSpelling(w.replace(/\.$/, '')))
    .join(' ');
}

/** Splits a person's written name into given name and surname, as the extractor does. */
export function splitPersonName(name: string): { given?: string; surname: string } {
  const parts = name.split(/\s+/);
  if (parts.length === 1) return { surname: name };
  const particle = parts.findIndex((p) => SURNAME_PARTICLES.has(p.toLowerCase()));
  // "Dela Cruz": a name that opens with a particle is a surname alone.
  if (particle === 0) return { surname: name };
  return { given: parts[0], surname: (particle > 0 ? parts.slice(particle) : parts.slice(-1)).join(' ') };
}

function slug(name: string): string {
  return (
    withoutMarks(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entity'
  );
}

interface Draft {
  kind: EntityKind;
  forms: Map<string, number>;
  roles: Map<string, number>;
  given?: string;
  surname?: string;
  locative: number;
}

/**
 * Merges the name mentions of a whole corpus into entities by general rules:
 * a person is their surname plus, when written, their given name (Jim = James,
 * Sergei = Sergey); a surname alone refers back to the full name in the same
 * article, or to the only person of that surname in the corpus. Returns the
 * entities and each article's mentions resolved to entity ids.
 */
export function mergeCorpusEntities(articles: NameMention[][]): {
  entities: Array<CorpusEntity & { roles?: string[] }>;
  resolved: ResolvedMention[][];
} {
  const drafts = new Map<string, Draft>();
  const bySurname = new Map<string, Set<string>>();
  const draft = (key: string, kind: EntityKind): Draft => {
    let d = drafts.get(key);
    if (!d) {
      d = { kind, forms: new Map(), roles: new Map(), locative: 0 };
      drafts.set(key, d);
    }
    return d;
  };
  const note = (d: Draft, m: NameMention) => {
    d.forms.set(m.name, (d.forms.get(m.name) ?? 0) + 1);
    if (m.role) d.roles.set(m.role, (d.roles.get(m.role) ?? 0) + 1);
  };

  // An acronym written in brackets after a name stands for it everywhere in the corpus.
  const acronymKeys = new Map<string, string>();
  for (const mentions of articles) {
    mentions.forEach((m, i) => {
      const named = mentions[i - 1];
      if (named && definesAcronym(named, m) && !acronymKeys.has(m.name))
        acronymKeys.set(m.name, `organisation:${nameFold(named.name)}`);
    });
  }

  // Pass 1: people with a given name, organisations and places.
  const keysPerArticle = articles.map((mentions) =>
    mentions.map((m): string | null => {
      if (m.kind === 'person' && m.given && m.surname) {
        const key = `person:${personKey(m.surname, m.given)}`;
        const d = draft(key, 'person');
        d.given ??= m.given;
        d.surname ??= m.surname;
        note(d, m);
        const sk = surnameKey(m.surname);
        if (!bySurname.has(sk)) bySurname.set(sk, new Set());
        bySurname.get(sk)!.add(key);
        return key;
      }
      // A single word found after "in" may still be a surname ("in Trump's favour"): decided in pass 2.
      const looseSingle = m.kind === 'place' && !m.name.includes(' ') && !COUNTRY_NAMES.has(m.name);
      if ((m.kind === 'organisation' || m.kind === 'place') && !looseSingle) {
        const key = (m.kind === 'organisation' && acronymKeys.get(m.name)) || `${m.kind}:${nameFold(m.name)}`;
        note(draft(key, m.kind), m);
        return key;
      }
      return null;
    }),
  );

  // Pass 2: surnames alone and unknown single names.
  articles.forEach((mentions, a) => {
    const keys = keysPerArticle[a]!;
    const local = new Map<string, Set<string>>();
    const people: Array<[NameMention, string]> = [];
    mentions.forEach((m, i) => {
      const key = keys[i];
      if (key?.startsWith('person:') && m.surname) {
        const sk = surnameKey(m.surname);
        if (!local.has(sk)) local.set(sk, new Set());
        local.get(sk)!.add(key);
        people.push([m, key]);
      }
    });
    const parts = new FullNameParts(people);
    mentions.forEach((m, i) => {
      if (keys[i]) return;
      const sk = surnameKey(m.surname ?? m.name);
      const localMatch = local.get(sk);
      const corpusMatch = bySurname.get(sk);
      const match = localMatch?.size === 1 ? localMatch : corpusMatch?.size === 1 ? corpusMatch : undefined;
      // Or a name of one word that is another part of one full name in the same article.
      const referent = match ? [...match][0]! : parts.ownerOf(m);
      if (referent) {
        note(drafts.get(referent)!, m);
        keys[i] = referent;
        return;
      }
      if (m.kind === 'person') {
        const key = `person:${personKey(m.surname ?? m.name)}`;
        note(draft(key, 'person'), m);
        drafts.get(key)!.surname ??= m.name;
        keys[i] = key;
        return;
      }
      const key = `unknown:${nameFold(m.name)}`;
      const d = draft(key, 'organisation');
      note(d, m);
      if (m.kind === 'place') d.locative++;
      keys[i] = key;
    });
  });

  // Unknown single names become entities when the corpus uses them more than once.
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const entities: Array<CorpusEntity & { roles?: string[] }> = [];
  const sortedKeys = [...drafts.keys()].sort();
  for (const key of sortedKeys) {
    const d = drafts.get(key)!;
    const total = [...d.forms.values()].reduce((s, n) => s + n, 0);
    if (key.startsWith('unknown:') && total < 2 && d.locative === 0) continue;
    const kind: EntityKind = key.startsWith('unknown:')
      ? d.locative > 0
        ? 'place'
        : 'organisation'
      : d.kind;
    const name = displayName(d);
    let id = slug(name);
    for (let n = 2; used.has(id); n++) id = `${slug(name)}-${n}`;
    used.add(id);
    ids.set(key, id);
    const roles = [...d.roles.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([r]) => r);
    entities.push({
      id,
      name,
      kind,
      aliases: [...d.forms.keys()].filter((f) => f !== name).sort(),
      ...(roles.length ? { roles: roles.slice(0, 6) } : {}),
    });
  }
  entities.sort((x, y) => x.id.localeCompare(y.id));
  const resolved = articles.map((mentions, a) =>
    mentions.flatMap((m, i): ResolvedMention[] => {
      const id = ids.get(keysPerArticle[a]![i] ?? '');
      return id ? [resolvedMention(m, id, entityKindOf(keysPerArticle[a]![i]!, drafts))] : [];
    }),
  );
  return { entities, resolved };
}

function entityKindOf(key: string, drafts: Map<string, Draft>): EntityKind {
  const d = drafts.get(key)!;
  if (key.startsWith('unknown:')) return d.locative > 0 ? 'place' : 'organisation';
  return d.kind;
}

/**
 * The full names of one text by their other parts than the surname, so that
 * a name of one word can refer back to one of them: "Xi" after "Xi Jinping",
 * "Lula" after "Luiz Inácio Lula da Silva". A part two full names share
 * names neither.
 */
export class FullNameParts {
  /** Part key → the id of the one full name with that part, or null when several have it. */
  private readonly owners = new Map<string, string | null>();

  constructor(fullNames: Iterable<readonly [NameMention, string]>) {
    for (const [m, id] of fullNames) {
      if (!m.given || !m.surname) continue;
      const surname = new Set(m.surname.split(/\s+/));
      for (const part of m.name.split(/\s+/)) {
        if (surname.has(part) || !/^\p{Lu}\p{L}+$/u.test(part)) continue;
        const key = nameKey(part);
        this.owners.set(key, this.owners.has(key) && this.owners.get(key) !== id ? null : id);
      }
    }
  }

  /** The id of the full name `m` is a part of, when `m` is one word that could be a person's. */
  ownerOf(m: NameMention): string | undefined {
    if ((m.kind !== 'unknown' && m.kind !== 'person') || /\s/.test(m.name)) return undefined;
    return this.owners.get(nameKey(m.name)) ?? undefined;
  }
}

/** The initials of a name's capitalised words: "World Health Organization" → "WHO". */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/**
 * Whether `acronym` is written in brackets right after the organisation `named`
 * and spells its initials: "the World Health Organization (WHO)".
 */
function definesAcronym(named: NameMention, acronym: NameMention): boolean {
  return (
    named.kind === 'organisation' &&
    acronym.kind === 'organisation' &&
    acronym.sentence === named.sentence &&
    acronym.start - named.end === 2 &&
    /^\p{Lu}{2,}$/u.test(acronym.name) &&
    acronym.name === initialsOf(named.name)
  );
}

/** The most used full form; for people, written with the full given name (James over Jim). */
function displayName(d: Draft): string {
  const forms = [...d.forms.entries()].sort(
    (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  if (d.kind !== 'person') {
    // An acronym defined in the corpus gives way to the name it stands for, however often it is used.
    const names = [...d.forms.keys()];
    const standsFor = (form: string) => names.some((other) => other !== form && initialsOf(other) === form);
    // A dateline's "MANILA" gives way to "Manila" written elsewhere.
    const shouted = (form: string) =>
      form === form.toUpperCase() && names.some((other) => other !== form && other.toUpperCase() === form);
    const rank = (form: string) => Number(standsFor(form)) + Number(shouted(form));
    return [...d.forms.entries()].sort(
      (a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0]![0];
  }
  const full = forms.filter(([f]) => f.split(' ').length >= 2);
  if (full.length === 0) return forms[0]![0];
  // Prefer a form whose given name is already the full form, then the most frequent two-part form.
  const scored = full
    .map(([form, count]) => {
      const { given } = splitPersonName(form);
      const isFull = given !== undefined && givenNameKey(given) === nameKey(given);
      return { form, score: (isFull ? 100 : 0) + count - (form.split(' ').length - 2) * 3 };
    })
    .sort((a, b) => b.score - a.score || a.form.localeCompare(b.form));
  return scored[0]!.form;
}

/** Looks page mentions up among the corpus's entities, by the same keys the corpus merged on. */
export class EntityLookup {
  private readonly persons = new Map<string, string>();
  private readonly surnames = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();
  readonly byId = new Map<string, CorpusEntity>();

  constructor(entities: readonly CorpusEntity[]) {
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      for (const form of [entity.name, ...entity.aliases]) {
        if (entity.kind === 'person') {
          const { given, surname } = splitPersonName(form);
          const sk = surnameKey(surname);
          if (!this.surnames.has(sk)) this.surnames.set(sk, new Set());
          this.surnames.get(sk)!.add(entity.id);
          if (given) this.persons.set(personKey(surname, given), entity.id);
        } else {
          this.names.set(nameFold(form), entity.id);
        }
      }
    }
  }

  /** The corpus entity a mention names, or undefined when the corpus does not know it. */
  resolve(m: NameMention, localSurnames?: Map<string, string>): string | undefined {
    if (m.kind === 'person' && m.given && m.surname) {
      const exact = this.persons.get(personKey(m.surname, m.given));
      if (exact) return exact;
      // A different given name with the same surname is a different person.
      return undefined;
    }
    if (m.kind === 'organisation' || m.kind === 'place') {
      const byName = this.names.get(nameFold(m.name));
      if (byName) return byName;
    }
    const sk = surnameKey(m.surname ?? m.name);
    const local = localSurnames?.get(sk);
    if (local) return local;
    const corpus = this.surnames.get(sk);
    if (corpus?.size === 1) return [...corpus][0];
    return this.names.get(nameFold(m.name));
  }

  /** Surname key of a person's name, for the page's own "surname refers back" map. */
  static surnameKeyOf(surname: string): string {
    return surnameKey(surname);
  }
}
