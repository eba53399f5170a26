import { BoundedMemo } from './bounded-memo';
import { withoutMarks } from './text-fold';

/**
 * General knowledge about how names are written in news: titles and ranks,
 * short forms of given names, transliteration variants, organisation and
 * place head words, and countries with their demonyms. No story-specific names.
 */

/** Words that introduce a name as a title, rank or office ("Gen.", "Secretary"). */
export const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof professor gen general maj major lt lieutenant col colonel capt captain cmdr commander ' +
    'adm admiral sgt sergeant cpl corporal pvt private marine sen senator rep representative gov governor ' +
    'president vice prime minister secretary secretary-general chancellor mayor judge justice king queen prince ' +
    'princess pope sheikh chairman chairwoman chair chief spokesman spokeswoman spokesperson ambassador envoy ' +
    'director deputy assistant acting former premier foreign defense defence interior state treasury finance ' +
    'health home attorney congressman congresswoman councillor councilman lord lady sir dame archbishop bishop ' +
    'rabbi imam father sister brother coach officer agent inspector superintendent detective ceo founder ' +
    'commissioner regional provincial district ' +
    // Plurals before names joined by "and": "Presidents Vladimir Putin and Donald Trump".
    'presidents senators generals ministers secretaries governors mayors ambassadors chancellors premiers'
  ).split(' '),
);

/** Particles that open a surname, in lower case: "de la Cruz", "van der Berg", "bin Salman". */
export const SURNAME_PARTICLES = new Set(
  'von van de der del da di du la le al bin ibn dela della dos das den'.split(' '),
);

/** Words that end an organisation's name. */
export const ORGANISATION_HEADS = new Set(
  (
    'ministry department agency committee council commission office staff service services forces force army ' +
    'navy party union organization organisation alliance association institute university college bank court ' +
    'congress senate parliament assembly times post news journal monitor group company corporation corp inc ltd ' +
    'foundation fund network channel press house kremlin pentagon treaty act administration command bureau ' +
    'board authority federation league club chiefs guard police world tribune herald telegraph guardian express ' +
    'mail gazette review broadcasting television radio airlines airways motors industries holdings partners ' +
    'survey centre center society program programme coalition movement front tribunal cabinet government ' +
    'secretariat directorate laboratory museum hospital school academy church reserve exchange observatory ' +
    'brigade brigades battalion regiment division trust charity consortium institution images photos'
  ).split(' '),
);

/** Words that end a place's name. */
export const PLACE_HEADS = new Set(
  'sea ocean river lake mountains mountain gulf strait bay island islands peninsula valley coast desert city county province region square street'.split(
    ' ',
  ),
);

/** Countries with their common aliases and demonyms (first entry is the display name). */
const COUNTRIES: string[][] = [
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'American', 'Americans'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'British', 'Briton', 'Britons'],
  ['Russia', 'Russian', 'Russians', 'Russian Federation'],
  ['China', 'Chinese'],
  ['France', 'French'],
  ['Germany', 'German', 'Germans'],
  ['Italy', 'Italian', 'Italians'],
  ['Spain', 'Spanish'],
  ['Ukraine', 'Ukrainian', 'Ukrainians'],
  ['Syria', 'Syrian', 'Syrians'],
  ['Iran', 'Iranian', 'Iranians'],
  ['Iraq', 'Iraqi', 'Iraqis'],
  ['Israel', 'Israeli', 'Israelis'],
  ['Turkey', 'Turkish', 'Türkiye'],
  ['Japan', 'Japanese'],
  ['India', 'Indian', 'Indians'],
  ['Pakistan', 'Pakistani'],
  ['Afghanistan', 'Afghan'],
  ['North Korea', 'North Korean'],
  ['South Korea', 'South Korean'],
  ['Canada', 'Canadian'],
  ['Mexico', 'Mexican'],
  ['Brazil', 'Brazilian'],
  ['Australia', 'Australian'],
  ['Poland', 'Polish'],
  ['Finland', 'Finnish'],
  ['Sweden', 'Swedish'],
  ['Norway', 'Norwegian'],
  ['Belgium', 'Belgian'],
  ['Netherlands', 'Dutch'],
  ['Azerbaijan', 'Azerbaijani'],
  ['Georgia', 'Georgian'],
  ['Belarus', 'Belarusian'],
  ['Egypt', 'Egyptian'],
  ['Saudi Arabia', 'Saudi'],
  ['Greece', 'Greek'],
  ['Ireland', 'Irish'],
  ['Nigeria', 'Nigerian'],
  ['South Africa', 'South African'],
  ['Venezuela', 'Venezuelan'],
  ['Cuba', 'Cuban'],
  ['Libya', 'Libyan'],
  ['Yemen', 'Yemeni'],
  ['Lebanon', 'Lebanese'],
  ['Jordan', 'Jordanian'],
  ['Qatar', 'Qatari'],
  ['Estonia', 'Estonian'],
  ['Latvia', 'Latvian'],
  ['Lithuania', 'Lithuanian'],
  ['Hungary', 'Hungarian'],
  ['Romania', 'Romanian'],
  ['Serbia', 'Serbian'],
  ['Switzerland', 'Swiss'],
  ['Austria', 'Austrian'],
  ['Portugal', 'Portuguese'],
  ['Denmark', 'Danish'],
  ['Vietnam', 'Vietnamese'],
  ['Indonesia', 'Indonesian'],
  ['Philippines', 'Filipino'],
  ['Taiwan', 'Taiwanese'],
  ['Argentina', 'Argentine', 'Argentinian'],
  ['Colombia', 'Colombian'],
  ['Chile', 'Chilean'],
  ['Kenya', 'Kenyan'],
  ['Ethiopia', 'Ethiopian'],
  ['Algeria', 'Algerian', 'Algerians'],
  ['Morocco', 'Moroccan', 'Moroccans'],
  ['Tunisia', 'Tunisian'],
  ['Sudan', 'Sudanese'],
  ['South Sudan', 'South Sudanese'],
  ['Somalia', 'Somali'],
  ['Mali', 'Malian'],
  ['Niger', 'Nigerien'],
  ['Chad', 'Chadian'],
  ['Senegal', 'Senegalese'],
  ['Ghana', 'Ghanaian'],
  ['Ivory Coast', "Côte d'Ivoire", 'Ivorian'],
  ['Cameroon', 'Cameroonian'],
  ['Uganda', 'Ugandan'],
  ['Tanzania', 'Tanzanian'],
  ['Rwanda', 'Rwandan'],
  ['Congo', 'Congolese', 'Democratic Republic of the Congo', 'DR Congo', 'DRC'],
  ['Angola', 'Angolan'],
  ['Mozambique', 'Mozambican'],
  ['Zimbabwe', 'Zimbabwean'],
  ['Zambia', 'Zambian'],
  ['Namibia', 'Namibian'],
  ['Botswana', 'Botswanan'],
  ['Madagascar', 'Malagasy'],
  ['Eritrea', 'Eritrean'],
  ['United Arab Emirates', 'UAE', 'Emirati', 'Emiratis'],
  ['Kuwait', 'Kuwaiti'],
  ['Bahrain', 'Bahraini'],
  ['Oman', 'Omani'],
  ['Palestine', 'Palestinian', 'Palestinians'],
  ['Armenia', 'Armenian', 'Armenians'],
  ['Kazakhstan', 'Kazakh'],
  ['Uzbekistan', 'Uzbek'],
  ['Turkmenistan', 'Turkmen'],
  ['Kyrgyzstan', 'Kyrgyz'],
  ['Tajikistan', 'Tajik'],
  ['Mongolia', 'Mongolian'],
  ['Bangladesh', 'Bangladeshi'],
  ['Sri Lanka', 'Sri Lankan'],
  ['Nepal', 'Nepalese', 'Nepali'],
  ['Myanmar', 'Burma', 'Burmese'],
  ['Thailand', 'Thai'],
  ['Cambodia', 'Cambodian'],
  ['Laos', 'Laotian'],
  ['Malaysia', 'Malaysian'],
  ['Singapore', 'Singaporean'],
  ['New Zealand', 'New Zealander'],
  ['Peru', 'Peruvian'],
  ['Ecuador', 'Ecuadorian'],
  ['Bolivia', 'Bolivian'],
  ['Paraguay', 'Paraguayan'],
  ['Uruguay', 'Uruguayan'],
  ['Guatemala', 'Guatemalan'],
  ['Honduras', 'Honduran'],
  ['El Salvador', 'Salvadoran'],
  ['Nicaragua', 'Nicaraguan'],
  ['Costa Rica', 'Costa Rican'],
  ['Panama', 'Panamanian'],
  ['Haiti', 'Haitian'],
  ['Dominican Republic', 'Dominican'],
  ['Jamaica', 'Jamaican'],
  ['Iceland', 'Icelandic'],
  ['Czech Republic', 'Czechia', 'Czech'],
  ['Slovakia', 'Slovak'],
  ['Slovenia', 'Slovenian'],
  ['Croatia', 'Croatian'],
  ['Bosnia', 'Bosnian', 'Bosnia and Herzegovina'],
  ['Montenegro', 'Montenegrin'],
  ['Albania', 'Albanian'],
  ['North Macedonia', 'Macedonia', 'Macedonian'],
  ['Kosovo', 'Kosovan', 'Kosovar'],
  ['Bulgaria', 'Bulgarian'],
  ['Moldova', 'Moldovan'],
  ['Cyprus', 'Cypriot'],
  ['Malta', 'Maltese'],
  ['Luxembourg', 'Luxembourgish'],
  ['Europe', 'European', 'Europeans'],
  ['Africa', 'African'],
  ['Asia', 'Asian'],
];

/**
 * Words that place something within a country rather than name it: "eastern
 * Morocco", capitalised at the start of a sentence ("Neighbouring Algeria").
 */
export const REGION_WORDS = new Set(
  (
    'northern southern eastern western central north-eastern north-western south-eastern south-western ' +
    'northeastern northwestern southeastern southwestern neighbouring neighboring mainland rural coastal'
  ).split(' '),
);

/** Maps any country alias or demonym to the country's display name. */
export const COUNTRY_OF = new Map<string, string>();
for (const [name, ...aliases] of COUNTRIES) {
  for (const alias of [name!, ...aliases]) COUNTRY_OF.set(alias.toLowerCase(), name!);
}

/** Short and familiar forms of given names, each mapped to its full form. */
const GIVEN_NAME_FORMS: Record<string, string> = {};
for (const line of [
  'james jim jimmy jamie',
  'robert bob bobby rob robbie',
  'william bill billy will willie',
  'michael mike mick mickey',
  'joseph joe joey',
  'thomas tom tommy',
  'richard rick rich dick ricky',
  'charles charlie chuck',
  'edward ed eddie ned',
  'theodore ted teddy',
  'daniel dan danny',
  'anthony tony',
  'christopher chris',
  'matthew matt',
  'andrew andy drew',
  'benjamin ben benny',
  'nicholas nick nicky',
  'alexander alex sasha',
  'elizabeth liz beth betty lizzie',
  'margaret maggie meg peggy',
  'katherine kate katie kathy',
  'catherine cathy',
  'jennifer jen jenny',
  'patricia pat patty',
  'susan sue susie',
  'rebecca becky',
  'samuel sam sammy',
  'steven steve',
  'stephen steve',
  'jonathan jon',
  'john johnny jack',
  'timothy tim',
  'gregory greg',
  'kenneth ken kenny',
  'ronald ron ronnie',
  'donald don donnie',
  'douglas doug',
  'lawrence larry',
  'gerald jerry',
  'peter pete',
  'frederick fred freddie',
  'albert al bert',
  'raymond ray',
  'philip phil',
  'jeffrey jeff',
  'joshua josh',
  'jacob jake',
  'david dave davey',
  'henry hank harry',
  'abraham abe',
  'zachary zach',
  'nathaniel nate',
  'dmitry dima',
  'mikhail misha',
  'vladimir volodya',
  'aleksandr sasha',
]) {
  const [full, ...short] = line.split(' ');
  for (const form of short) GIVEN_NAME_FORMS[form] = full!;
}

/**
 * A spelling-insensitive key for a name part, so that transliterations of the
 * same name meet (Sergei/Sergey, Shoigu/Shoygu, Aleksandr/Alexander).
 */
export function nameKey(part: string): string {
  return nameKeys.get(part, spellingKey);
}

/** Name parts repeat on a page and across a corpus; a large corpus's are not all kept. */
const nameKeys = new BoundedMemo<string, string>(20_000);

function spellingKey(part: string): string {
  return withoutMarks(part.toLowerCase())
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/(?!^)y/g, 'i')
    .replace(/(?!^)j/g, 'i')
    .replace(/ie$/g, 'i')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/er$/, 'r');
}

/** The key of a given name, with familiar forms folded to the full form first (Jim → James). */
export function givenNameKey(given: string): string {
  const lower = given.toLowerCase();
  return nameKey(Object.hasOwn(GIVEN_NAME_FORMS, lower) ? GIVEN_NAME_FORMS[lower]! : lower);
}

/** Given-name keys this long are matched on their consonants: shorter ones meet by chance (Tim, Tom). */
const VOWEL_FREE_MIN = 6;

/**
 * The key a given name is matched on beside a surname: {@link givenNameKey},
 * with the inner vowels of a long name dropped, because transliterations
 * differ most in vowels (Mohammed, Muhammad, Mohamed; Abdullah, Abdallah). The
 * first letter and a final vowel stay, so Christian and Christina do not meet.
 */
export function givenMatchKey(given: string): string {
  return givenMatchKeys.get(given, vowelFreeKey);
}

/** Given names repeat on a page and across a corpus, as name parts do. */
const givenMatchKeys = new BoundedMemo<string, string>(20_000);

function vowelFreeKey(given: string): string {
  const key = givenNameKey(given);
  if (key.length < VOWEL_FREE_MIN) return key;
  return key[0]! + key.slice(1, -1).replace(/[aeiou]/g, '') + key[key.length - 1]!;
}
