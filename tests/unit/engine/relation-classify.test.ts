import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../../../src/engine/corpus-build';
import { classifyPair } from '../../../src/engine/relation-classify';
import { statementFacts } from '../../../src/engine/statement-facts';
import type { TermWeight } from '../../../src/engine/term-set';

type Dates = [string | null, string | null];

/**
 * Two one-sentence articles by different outlets, built into a corpus: the
 * relation the builder stores between them, if any. Each article gets a
 * headline first, so its sentence is body text.
 */
function relationBetween(a: string, b: string, dates: Dates = ['2024-05-02', '2024-05-02']) {
  const corpus = buildCorpus([
    { file: 'a.txt', outlet: 'Outlet A', title: 'A', published: dates[0], text: `Headline A\n\n${a}` },
    { file: 'b.txt', outlet: 'Outlet B', title: 'B', published: dates[1], text: `Headline B\n\n${b}` },
  ]);
  return corpus.relations[0];
}

/** {@link relationBetween} as "relation/reason", or "none". */
function relate(a: string, b: string, dates?: Dates) {
  const relation = relationBetween(a, b, dates);
  return relation ? `${relation.relation}/${relation.reason}` : 'none';
}

describe('how two statements relate', () => {
  test.each([
    [
      'an identical quotation',
      '"We will rebuild the bridge within a year," Governor Maria Lopez said on Monday.',
      '"We will rebuild the bridge within a year," Lopez told reporters.',
      'corroborates/quote-match',
    ],
    [
      'a quotation in single curly quotes, as British outlets write them',
      '‘We will rebuild the bridge within a year,’ Governor Maria Lopez said on Monday.',
      '"We will rebuild the bridge within a year," Lopez told reporters.',
      'corroborates/quote-match',
    ],
    [
      "the same speaker's words with a negation added",
      'Governor Maria Lopez said: "We will rebuild the bridge within a year."',
      '"We won\'t rebuild the bridge within a year," Lopez told reporters.',
      'conflicts/negation',
    ],
    [
      'a paraphrase with a British spelling and a short given name',
      'Defence Minister Robert Hale said the army would cooperate with the new council.',
      'Defense Minister Bob Hale said the army will collaborate with the new council.',
      'corroborates/paraphrase',
    ],
    [
      'a different count of the same thing',
      'The storm killed 12 people in the coastal town of Varna, officials said.',
      'The storm killed 15 people in the coastal town of Varna, officials said.',
      'conflicts/number-mismatch',
    ],
    [
      'the same number written with a scale word and in digits',
      'The Varna port handled 1.2 million containers last year, the port authority said.',
      'The Varna port handled 1,200,000 containers last year, the port authority said.',
      'corroborates/paraphrase',
    ],
    [
      'an amount with its scale written short and in full',
      'The Varna port will receive $5bn in new investment, Governor Maria Lopez said.',
      'The Varna port will receive $5 billion in new investment, Governor Maria Lopez said.',
      'corroborates/paraphrase',
    ],
    [
      'a different number with the same scale word',
      'The Varna port handled 1.2 million containers last year, the port authority said.',
      'The Varna port handled 1.5 million containers last year, the port authority said.',
      'conflicts/number-mismatch',
    ],
    [
      'a different year in the same slot',
      'It was the first visit by a Finnish president to Chile since 2009.',
      'It was the first visit by a Finnish president to Chile since 2011.',
      'conflicts/year-mismatch',
    ],
    [
      'a different weekday in the same week',
      'The Varna harbour reopened on Monday after the storm, the port authority said.',
      'The Varna harbour reopened on Wednesday after the storm, the port authority said.',
      'conflicts/weekday-mismatch',
    ],
    [
      'the same phrase negated',
      'Investigators said the cause of the blaze in Varna was arson.',
      'Investigators said the cause of the blaze in Varna was not arson.',
      'conflicts/negation',
    ],
    [
      'a denial of the same thing is the same polarity as "not"',
      'The Varna mayor Ivan Petrov did not approve the new harbour contract.',
      'The Varna mayor Ivan Petrov denied approving the new harbour contract.',
      'corroborates/paraphrase',
    ],
    [
      'a negation on a word both say, with no one named on one side',
      'Interior Minister Ivan Petrov said the government would intervene in the harbour dispute.',
      'The government has said it will not intervene.',
      'conflicts/negation',
    ],
    [
      'a refusal to do what the other says was done',
      'Governor Maria Lopez refused to sign the Varna harbour contract on Monday.',
      'Governor Maria Lopez signed the Varna harbour contract on Monday.',
      'conflicts/opposite-stance',
    ],
    [
      'a failure to do what the other says was done',
      'The Varna council failed to approve the harbour budget on Monday.',
      'The Varna council approved the harbour budget on Monday.',
      'conflicts/negation',
    ],
    [
      '"no longer" negates the word after it',
      'The Varna harbour is no longer open to cruise ships, the port authority said.',
      'The Varna harbour is open to cruise ships, the port authority said.',
      'conflicts/negation',
    ],
    [
      'a decline to a level is not a refusal',
      'Exports to Varna fell in a decline to 4 percent in May, the statistics office said.',
      'Exports to Varna fell to 4 percent in May, the statistics office said.',
      'corroborates/paraphrase',
    ],
    [
      'the same act turned to its opposite',
      'The Varna council rejected the harbour contract on Monday.',
      'The Varna council approved the harbour contract on Monday.',
      'conflicts/opposite-stance',
    ],
    [
      'an opposite word under a negation says the same',
      'Exports from Varna rose 4 percent in May, the statistics office said.',
      'Exports from Varna did not fall in May, the statistics office said.',
      'corroborates/paraphrase',
    ],
    [
      'a statement that says both opposite words is not turned by one of them',
      'Exports from Varna rose in March but fell in May, the statistics office said.',
      'Exports from Varna rose in March, the statistics office said.',
      'corroborates/paraphrase',
    ],
    [
      // Both report what Lopez claimed; that a spokesman denied it does not set the reports against each other.
      'a claim someone made, as reported, takes no side against its denial',
      'Governor Maria Lopez had claimed before the strike that she had invited the union to meet and been rebuffed.',
      'Before the strike a harbour spokesman had denied a claim by Lopez that she had invited the union for talks but had been turned down.',
      'corroborates/paraphrase',
    ],
    [
      'a negation in the part of a quotation the other leaves out is not one added or dropped',
      '"We are not in a position to sign this year. But the council will keep talking to the harbour company," Governor Maria Lopez said.',
      '"The council will keep talking to the harbour company," Governor Maria Lopez said in Varna.',
      'corroborates/quote-match',
    ],
    [
      '"have not … since" against "the last time … was in": a time, not a denial',
      'The last time a mayor of Varna held talks with the harbour company was in 2015, officials said.',
      'Talks between a mayor of Varna and the harbour company have not taken place since 2015, officials said.',
      'corroborates/paraphrase',
    ],
    [
      'a negation with a "since" of another clause, which gives a reason',
      'Governor Maria Lopez did not approve the new harbour tax for Varna, since the budget was short.',
      'Governor Maria Lopez approved the new harbour tax for Varna on Monday.',
      'conflicts/opposite-stance',
    ],
    [
      'one statement, its people named inside the quotation in one and its speaker named in the other',
      'A spokesman for the harbour authority said it was ready for the "implementation of the agreements reached between Mayor Ivan Petrov and Governor Maria Lopez" on the new pier.',
      '"The harbour authority is ready for the implementation of the agreements on the new pier reached by the city and the region," spokesman Ivo Marin said.',
      'corroborates/paraphrase',
    ],
    [
      'a report of both halves of a two-sentence quotation, the first negated',
      '"We are not in a position right now to rebuild the bridge. But our engineers will inspect it and try to find a way," Governor Maria Lopez told reporters in Varna.',
      'On Thursday, Governor Maria Lopez said Varna was not in a position to rebuild the bridge, but engineers would inspect it to find a way.',
      'corroborates/paraphrase',
    ],
    [
      'the opposite stance of the same person',
      'Governor Maria Lopez said she would not support the new harbour tax in Varna.',
      'Governor Maria Lopez said she would support the new harbour tax in Varna.',
      'conflicts/negation',
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(relate(a, b)).toBe(expected);
  });

  test.each([
    [
      'the same person doing different things',
      'Governor Maria Lopez opened a new library in Varna on Saturday.',
      'Governor Maria Lopez signed the harbour budget in Sofia on Thursday.',
    ],
    [
      'different people saying similar things',
      'Mayor Ivan Petrov said the harbour would reopen soon.',
      'Senator Anna Berg said the harbour would reopen soon.',
    ],
    [
      'two quotations of one speaker that say different things',
      '"The harbour tax is fair," Governor Maria Lopez said.',
      '"Our schools need new roofs before winter," Governor Maria Lopez said.',
    ],
    [
      'two statements alike only in "the two men" they refer to',
      'The two men last spoke by phone on June 14, officials said.',
      'It is the first time the two men have spoken since Governor Maria Lopez took office.',
    ],
    [
      'a short statement whose only number is "the two" of its subject',
      'It was the first formal meeting between the two leaders.',
      'Governor Maria Lopez met Mayor Ivan Petrov in Varna, the first step toward talks between the two leaders.',
    ],
    [
      'two remarks of one speaker alike only in "right now"',
      '"We are not in a position right now to rebuild the bridge," Governor Maria Lopez told reporters.',
      '"Right now, I would just say there is very little doubt that the storm damaged the harbour," Governor Maria Lopez said.',
    ],
    [
      'weekdays of reports months apart',
      'Governor Maria Lopez visited the Varna harbour on Monday, officials said.',
      'Governor Maria Lopez visited the Varna harbour on Friday, officials said.',
    ],
  ])('%s: no corroboration or conflict', (_name, a, b) => {
    const dates: [string, string] = _name.startsWith('weekdays')
      ? ['2024-01-10', '2024-06-10']
      : ['2024-05-02', '2024-05-02'];
    expect(relate(a, b, dates)).toBe('none');
  });

  test('a shorter quotation is compared with the part of the longer one it quotes', () => {
    const relation = relationBetween(
      '"We did not choose this fight. The company chose it when it froze our wages for a third year," union leader Petra Ivanova said.',
      'Union leader Petra Ivanova said the company had "frozen our pay for a third year" and refused to negotiate.',
    );
    // The words of the longer quotation that the shorter one leaves out were not changed, only not quoted.
    expect(relation).toMatchObject({
      relation: 'corroborates',
      detail: 'same speaker, different words: “frozen pay” for “froze wages”',
    });
  });

  test('a year the other report cannot have seen makes a different event, however alike the words', () => {
    // A report of early May 2024 on "the election" and one on "the 2028 election".
    const dated =
      'Governor Maria Lopez said on Monday that the state would rebuild the harbour bridge before the election.';
    expect(
      relate(
        dated,
        'Governor Maria Lopez said the state would rebuild the harbour bridge before the 2028 election.',
      ),
    ).toBe('none');
    // The year of the report itself, or one both name, is the same event.
    expect(
      relate(
        dated,
        'Governor Maria Lopez said the state would rebuild the harbour bridge before the 2024 election.',
      ),
    ).toBe('corroborates/paraphrase');
  });

  test('a time gap over 90 days is recorded with the relation', () => {
    const relation = relationBetween(
      'The Varna bridge has 12 spans, engineers said.',
      'The Varna bridge has 12 spans, the engineers said.',
      ['2023-01-10', '2024-06-10'],
    );
    expect(relation).toMatchObject({ relation: 'corroborates', gapDays: 517 });
  });
});

describe('comparing the same statements under two weightings', () => {
  const facts = (text: string) =>
    statementFacts(text, { start: 0, end: text.length }, [], '2024-05-02', undefined, () => undefined);

  test('each weighting judges with its own term weights, not what the other worked out', () => {
    const a = facts('The council approved the harbour budget for the coming winter season.');
    const b = facts('The council approved the harbour budget after a long night of debate.');
    const shared = new Set(a.terms.filter((t) => b.terms.includes(t)));
    const sharedCounts: TermWeight = (term) => (shared.has(term) ? 1 : 0.05);
    const sharedIgnored: TermWeight = (term) => (shared.has(term) ? 0 : 1);

    // Under a weighting where what they share weighs nothing, they do not link.
    expect(classifyPair(a, b, sharedIgnored)).toBeNull();
    // The same two statements under one where it counts: their term sets are built again for it.
    expect(classifyPair(a, b, sharedCounts)?.relation).toBe('corroborates');
    expect(classifyPair(a, b, sharedIgnored)).toBeNull();
  });
});
