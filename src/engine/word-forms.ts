import { stemmer } from 'stemmer';

/**
 * General English word knowledge the matcher relies on: function words,
 * negation cues, spelling variants and small synonym classes common in news.
 * Nothing here knows any particular story.
 */

export const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of to in on at by for from with without ' +
    'as into onto over under about after before between during since until while within through across against ' +
    'among upon per via is are was were be been being am do does did doing have has had having will would shall ' +
    'should can could may might must it its it’s itself he him his himself she her hers herself they them their ' +
    'theirs themselves we us our ours ourselves you your yours i me my mine who whom whose which what when where ' +
    'why how all any both each few more most other some such only own same so too very just also even still yet ' +
    'again ever once up down out off further s t one’s whether either also however although though because so ' +
    'mr mrs ms dr'
  ).split(' '),
);

/** Words that often open a sentence with a capital letter but are never names. */
export const OPENERS = new Set(
  (
    'perhaps meanwhile however earlier later prior hours days weeks months years today yesterday tomorrow now ' +
    'instead indeed then thus therefore moreover furthermore nevertheless nonetheless afterwards subsequently ' +
    'finally first second third last next sort one two three four five six seven eight nine ten several many ' +
    'some most few both each every another such while although though despite after before since during ' +
    'according asked speaking talks attempts engagement photo image subscribe sign read advertisement high-level ' +
    'right well yes no oh please thank thanks'
  ).split(' '),
);

/** Speech and attribution verbs: they frame a claim but carry little of its meaning. */
export const REPORTING_WORDS = new Set(
  (
    'say says said saying tell tells told telling state states stated add adds added note notes noted ' +
    'report reports reported reportedly according claim claims claimed insist insisted understood understand ' +
    'comment commented remark remarked respond responded ask asked ' +
    // Who the source is ("officials said") frames the claim too; it is not what the claim says.
    'official officials spokesman spokeswoman spokesperson spokesmen source sources aide aides'
  ).split(' '),
);

/** To deny something is to say it is not so. */
export const DENIAL_WORDS = new Set(['deny', 'denies', 'denied', 'denying']);

/** Words whose presence reverses a clause. Contractions are expanded before lookup. */
export const NEGATION_WORDS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
  ...DENIAL_WORDS,
]);

/** British spellings and other variants folded to one form before stemming. */
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/ence$/, 'ense'], // defence, offence, licence
  [/isation/, 'ization'],
  [/is(e|ed|es|ing)$/, 'iz$1'],
  [/our(s|ed|ing|ite|ites)?$/, 'or$1'],
  [/tre(s)?$/, 'ter$1'], // centre, theatre
  [/lled$/, 'led'],
  [/lling$/, 'ling'],
  [/ogue$/, 'og'], // dialogue, catalogue
  [/amme$/, 'am'],
];
const SPELLING_EXCEPTIONS = new Set(
  (
    'rise rises rising wise precise concise exercise exercised otherwise promise promised promises premise surprise ' +
    'surprised compromise enterprise expertise franchise merchandise supervise televise devise revise comprise ' +
    'despise disguise improvise advertise advertised raise raised praise praised noise poise cruise arise arising ' +
    'hence fence science sentence silence since once essence presence absence evidence audience influence experience ' +
    'patience violence conference difference reference sequence sense tense whence commence ' +
    'four hour hours your yours our ours tour tours pour detour flour sour contour ' +
    'metre litre entre filled killed called spelled smelled rolled polled pulled fulled controlled ' +
    'rogue vogue league fatigue'
  ).split(' '),
);

/**
 * Synonym classes: each word maps to its class's first member, so that a
 * paraphrase ("speaking with" / "talks with") shares a term with the original.
 */
const SYNONYM_CLASSES: string[][] = [
  [
    'talk',
    'talks',
    'speak',
    'speaking',
    'spoke',
    'spoken',
    'discuss',
    'discussion',
    'discussions',
    'conversation',
    'dialogue',
    'dialog',
    'communicate',
    'communicated',
    'communication',
    'communications',
    'contact',
    'contacts',
    'meet',
    'meeting',
    'met',
    'meets',
    'summit',
  ],
  ['cooperate', 'cooperation', 'co-operate', 'co-operation', 'collaborate', 'collaboration', 'partnership'],
  ['military', 'militaries', 'defense', 'defence', 'armed'],
  ['open', 'openness', 'willing', 'willingness', 'ready', 'receptive', 'prepared'],
  ['misspoke', 'backtrack', 'backtracked', 'retract', 'retracted', 'clarify', 'clarified', 'corrected'],
  [
    'chief',
    'chiefs',
    'head',
    'heads',
    'boss',
    'bosses',
    'leader',
    'leaders',
    'minister',
    'ministers',
    'secretary',
  ],
  ['restore', 'resume', 'renew', 'repair', 'mend', 'rebuild', 'revive'],
  ['interfere', 'interfered', 'interference', 'meddle', 'meddling', 'meddled'],
  [
    'plan',
    'plans',
    'planned',
    'seek',
    'seeking',
    'sought',
    'intend',
    'intends',
    'intention',
    'pursue',
    'pursuing',
    'pursued',
  ],
  ['phone', 'telephone', 'phoned', 'telephoned'],
  ['country', 'countries', 'nation', 'nations', 'state', 'states', 'government', 'governments'],
  ['kill', 'killed', 'killing', 'dead', 'died', 'die', 'deaths', 'death'],
  ['injure', 'injured', 'wounded', 'hurt', 'injuries'],
  ['arrest', 'arrested', 'detain', 'detained'],
  ['rise', 'rose', 'increase', 'increased', 'grow', 'grew', 'climb', 'climbed'],
  ['fall', 'fell', 'decrease', 'decreased', 'drop', 'dropped', 'decline', 'declined'],
  ['resign', 'resigned', 'resignation', 'quit'],
  ['attack', 'attacked', 'strike', 'struck', 'assault'],
  ['election', 'elections', 'vote', 'ballot', 'poll'],
  ['critic', 'critics', 'criticize', 'criticise', 'criticism'],
  ['highest', 'high-level', 'top', 'senior'],
  ['futile', 'useless', 'pointless', 'doomed'],
  ['capsize', 'capsized', 'capsizing', 'overturn', 'overturned', 'sink', 'sank', 'sunk', 'sinking'],
  [
    'doubt',
    'doubts',
    'doubted',
    'doubtful',
    'skeptical',
    'sceptical',
    'skepticism',
    'scepticism',
    'unconvinced',
  ],
  ['first', 'initial'],
  [
    'believe',
    'believes',
    'believed',
    'think',
    'thinks',
    'see',
    'sees',
    'expect',
    'expects',
    'expected',
    'foresee',
  ],
  ['future', 'upcoming', 'ahead', 'coming'],
];

/** Past forms of common irregular verbs, so "saw" meets "see" and "held" meets "hold". */
const IRREGULAR_VERBS: Record<string, string> = {};
for (const line of [
  'see saw seen',
  'say said',
  'tell told',
  'take took taken',
  'give gave given',
  'go went gone',
  'come came',
  'make made',
  'think thought',
  'find found',
  'know knew known',
  'write wrote written',
  'begin began begun',
  'hold held',
  'leave left',
  'lead led',
  'bring brought',
  'buy bought',
  'fight fought',
  'win won',
  'lose lost',
  'run ran',
  'send sent',
  'spend spent',
  'build built',
  'feel felt',
  'keep kept',
  'become became',
  'choose chose chosen',
  'drive drove driven',
  'stand stood',
  'understand understood',
  'mean meant',
  'pay paid',
  'shoot shot',
  'break broke broken',
  'catch caught',
  'teach taught',
  'hear heard',
  'throw threw thrown',
  'draw drew drawn',
  'show shown',
  'forget forgot forgotten',
  'get got gotten',
  'sit sat',
  'wear wore worn',
  'tear tore torn',
  'swear swore sworn',
  'sell sold',
  'eat ate eaten',
  'fly flew flown',
  'hide hid hidden',
  'freeze froze frozen',
  'steal stole stolen',
  'shake shook shaken',
  'withdraw withdrew withdrawn',
  'overturn overturned',
]) {
  const [base, ...forms] = line.split(' ');
  for (const form of forms) IRREGULAR_VERBS[form] = base!;
}

const SYNONYM_OF = new Map<string, string>();
for (const members of SYNONYM_CLASSES) {
  for (const word of members) SYNONYM_OF.set(word, members[0]!);
}

/** Folds a British or variant spelling to the common American form. */
export function foldSpelling(word: string): string {
  if (word.length < 5 || SPELLING_EXCEPTIONS.has(word)) return word;
  for (const [pattern, replacement] of SPELLING_RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

const termCache = new Map<string, string>();

/**
 * The comparable form of a lower-case word: spelling folded, mapped to its
 * synonym class, then stemmed. Cached because the same words recur constantly.
 */
export function termOf(lowerWord: string): string {
  const cached = termCache.get(lowerWord);
  if (cached !== undefined) return cached;
  const folded = IRREGULAR_VERBS[lowerWord] ?? foldSpelling(lowerWord);
  const synonym = SYNONYM_OF.get(lowerWord) ?? SYNONYM_OF.get(folded);
  const term = synonym ? `~${synonym}` : stemmer(folded);
  if (termCache.size < 200_000) termCache.set(lowerWord, term);
  return term;
}

/**
 * Words that say the opposite of each other about the same thing: a rate that
 * rose or fell, a plan approved or rejected, a suspect arrested or released.
 */
const OPPOSITES: Array<[string, string]> = [
  ['rise', 'fall'],
  ['raise', 'cut'],
  ['raise', 'lower'],
  ['approve', 'reject'],
  ['accept', 'reject'],
  ['arrest', 'release'],
  ['open', 'close'],
  ['win', 'lose'],
  ['gain', 'lose'],
  ['expand', 'shrink'],
  ['allow', 'ban'],
  ['lift', 'impose'],
];

/** Each term's opposites, in the comparable forms of {@link termOf}. */
export const OPPOSITE_TERMS = new Map<string, Set<string>>();
for (const [x, y] of OPPOSITES) {
  for (const [from, to] of [
    [termOf(x), termOf(y)],
    [termOf(y), termOf(x)],
  ] as const) {
    if (!OPPOSITE_TERMS.has(from)) OPPOSITE_TERMS.set(from, new Set());
    OPPOSITE_TERMS.get(from)!.add(to);
  }
}
