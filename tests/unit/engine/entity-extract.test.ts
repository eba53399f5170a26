import { expect, test } from 'vitest';
import { findNameMentions } from '../../../src/engine/entity-extract';
import { wordVocabulary } from '../../../src/engine/vocabulary';

function mentionsIn(text: string) {
  const vocabulary = wordVocabulary([text]);
  return findNameMentions(
    text,
    [{ start: 0, end: text.length }],
    vocabulary.isCommonWord,
    vocabulary.isNameWord,
  ).map((m) => ({ name: m.name, kind: m.kind, text: text.slice(m.start, m.end) }));
}

test('a hyphenated pair of names is read as two names, each by its own rules', () => {
  // Each part is classified afresh: what was worked out for the whole token ("pentagon-kremlin")
  // must not stand for its parts, or neither is known as an organisation's head word.
  expect(mentionsIn('Officials said the Pentagon-Kremlin hotline was tested on Monday.')).toEqual([
    { name: 'Pentagon', kind: 'organisation', text: 'Pentagon' },
    { name: 'Kremlin', kind: 'organisation', text: 'Kremlin' },
  ]);
});

test('a region word before a country opening a sentence is not part of a name', () => {
  // Capitalised only because it opens the sentence: "Neighbouring Algeria" was read as a person.
  expect(mentionsIn('Neighbouring Algeria offered to send rescue teams on Monday.')).toEqual([
    { name: 'Algeria', kind: 'place', text: 'Algeria' },
  ]);
});

test('a country short form inside an organisation name stays part of it', () => {
  expect(mentionsIn('The quake struck at noon, the US Geological Survey said.')).toEqual([
    { name: 'US Geological Survey', kind: 'organisation', text: 'US Geological Survey' },
  ]);
});

test.each([
  ['United Nations Secretary-General António Guterres opened the talks.', 'António Guterres'],
  ['European Commission President Ursula von der Leyen said the bloc would pay.', 'Ursula von der Leyen'],
])('an organisation and a title before a name name the person: %s', (sentence, name) => {
  const [person] = mentionsIn(sentence);
  expect(person).toMatchObject({ name, kind: 'person' });
});

test('a picture agency is an organisation', () => {
  expect(mentionsIn('The picture was supplied by Getty Images on Monday.')).toEqual([
    { name: 'Getty Images', kind: 'organisation', text: 'Getty Images' },
  ]);
});

test('a plural title before names joined by "and" is a title, not part of the first name', () => {
  expect(mentionsIn('Officials said Presidents Maria Lopez and Ivan Petrov met in Varna on Monday.')).toEqual(
    [
      { name: 'Maria Lopez', kind: 'person', text: 'Maria Lopez' },
      { name: 'Ivan Petrov', kind: 'person', text: 'Ivan Petrov' },
      { name: 'Varna', kind: expect.any(String), text: 'Varna' },
    ],
  );
});

test.each([
  ['OSAKA, Japan — President Maria Lopez met Ivan Petrov on Friday.', 'OSAKA'],
  ['KYIV (AP) — Mayor Ivan Petrov said the bridge would reopen.', 'KYIV'],
  ['ROME, Italy (Wire) - Mayor Ivan Petrov said the bridge would reopen.', 'ROME'],
])('the city of a dateline is a place, not an organisation: %s', (text, city) => {
  expect(mentionsIn(text)).toContainEqual({ name: city, kind: 'place', text: city });
});

test('an acronym opening a sentence before a comma is still an organisation', () => {
  expect(mentionsIn('NATO, the alliance, met in Varna on Friday.')).toContainEqual({
    name: 'NATO',
    kind: 'organisation',
    text: 'NATO',
  });
});

test.each([
  [
    'In an interview with the Italian newspaper Il Giornale, Mayor Ivan Petrov praised the bridge.',
    'Il Giornale',
  ],
  ['The news agency Interfax reported that the bridge had reopened.', 'Interfax'],
  ['Mayor Ivan Petrov told the broadcaster Nordvision that the bridge had reopened.', 'Nordvision'],
])('a name after a noun such as "newspaper" or "agency" is an organisation: %s', (text, name) => {
  expect(mentionsIn(text)).toContainEqual({ name, kind: 'organisation', text: name });
});

test('a regional or district title before a name is a title', () => {
  expect(mentionsIn('Officials said Regional Commissioner John Mongella visited the jetty.')).toEqual([
    { name: 'John Mongella', kind: 'person', text: 'John Mongella' },
  ]);
});

test.each([
  'Transport minister Isack Kamwelwe said the ferry was inspected.',
  'The transport minister, Isack Kamwelwe, said the ferry was inspected.',
])('a title in lower case before a name is its role: %s', (text) => {
  const vocabulary = wordVocabulary([text]);
  const [person] = findNameMentions(
    text,
    [{ start: 0, end: text.length }],
    vocabulary.isCommonWord,
    vocabulary.isNameWord,
  );
  expect(person).toMatchObject({
    name: 'Isack Kamwelwe',
    role: expect.stringMatching(/transport minister$/i),
  });
  // The role's words are left out of what the sentence says.
  expect(text.slice(person!.roleStart, person!.start)).toMatch(/transport minister,? $/i);
});

test.each([
  ['Former secretary Ramon dela Cruz was sentenced on Monday.', 'Ramon dela Cruz', 'dela Cruz', 'Ramon'],
  ['The court sentenced Ramon De La Cruz on Monday.', 'Ramon De La Cruz', 'De La Cruz', 'Ramon'],
  ['De La Cruz said he would appeal.', 'De La Cruz', 'De La Cruz', undefined],
])('a surname with particles, in any case: %s', (text, name, surname, given) => {
  const vocabulary = wordVocabulary([text, 'a fine de la table']);
  const people = findNameMentions(
    text,
    [{ start: 0, end: text.length }],
    vocabulary.isCommonWord,
    vocabulary.isNameWord,
  ).filter((m) => m.kind === 'person');
  expect(people).toEqual([expect.objectContaining({ name, surname, given })]);
});
