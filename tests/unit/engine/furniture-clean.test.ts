import { describe, expect, test } from 'vitest';
import { cleanArticle, findNameCards, spanText } from '../../../src/engine/furniture-clean';

function kept(raw: string, title = ''): string[] {
  return cleanArticle(raw, title).paragraphs.map((p) => spanText(raw, p, p.cuts));
}

describe('cleanArticle', () => {
  test.each([
    ['an ad marker', 'Headline here\n\nReal text one.\n\nADVERTISEMENT\n\nReal text two.', 'advertisement'],
    ['a photo credit', 'Headline here\n\nPhoto by: Some Agency\n\nReal text one.', 'photo-credit'],
    ['a copyright credit', 'Headline here\n\n© Picture Desk\n\nReal text one.', 'photo-credit'],
    [
      'a slash credit line',
      'Headline here\n\nJane Doe/ Wire Agency via Pool\n\nReal text one.',
      'photo-credit',
    ],
    [
      'a paywall prompt',
      'Headline here\n\nReal text one.\n\nYou’ve read 3 of 5 free articles. Subscribe to continue.',
      'paywall',
    ],
    [
      'a repeated headline',
      'Port fire injures workers\n\nPort fire injures workers\n\nReal text one.',
      'repeated-headline',
    ],
    ['an agency byline', 'Headline here\n\nReal text one.\n\nExampleNews and agencies', 'byline'],
    [
      'a link to another story',
      'Headline here\n\nReal text one.\n\nRead more: Mayor says the harbour will reopen in May',
      'teaser',
    ],
    [
      "a wire story's credits",
      'Headline here\n\nReal text one.\n\nReporting by Jane Doe; Additional reporting by John Roe; Editing by Ann Poe',
      'byline',
    ],
    ['a reading time', 'Headline here\n\n4 Min Read\n\nReal text one.', 'byline'],
    [
      "a video player's labels",
      'Headline here\n\nReal text one.\n\nJUST WATCHED\n\nMayor: the harbour will reopen in May\n\nReplay\n\nMore Videos ...',
      'teaser',
    ],
    ['a time stamp', 'Headline here\n\nUpdated 4:31 PM ET, Tue July 17, 2018\n\nReal text one.', 'byline'],
    [
      'a prompt to follow the site elsewhere',
      "Headline here\n\nReal text one.\n\nChat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
      'promo',
    ],
    [
      "a wire story's credits in brackets",
      'Headline here\n\nReal text one.\n\n(Additional reporting by John Roe in Varna; Editing by Ann Poe)',
      'byline',
    ],
    [
      'the reporters who contributed',
      'Headline here\n\nReal text one.\n\nAssociated Press writer Jane Doe contributed to this report.',
      'byline',
    ],
    [
      'other reporters, and where from',
      'Headline here\n\nReal text one.\n\nJohn Roe contributed reporting from Varna.',
      'byline',
    ],
    [
      "a site's standards line",
      'Headline here\n\nReal text one.\n\nOur Standards: The Example Trust Principles.',
      'promo',
    ],
    [
      'a date and time alone on a line',
      'Headline here\n\nThu 16 Feb 2017 14.20 GMT\n\nReal text one.',
      'byline',
    ],
    [
      'a date and time, month first',
      'Headline here\n\nFeb. 16, 2017 2:20 p.m. ET\n\nReal text one.',
      'byline',
    ],
    [
      'the topics of the story',
      'Headline here\n\nReal text one.\n\nTopics\n\nHarbour\n\nCity council',
      'teaser',
    ],
    [
      'a prompt to follow the site on a social network',
      'Headline here\n\nReal text one.\n\nFollow Example News on Twitter for the latest updates.',
      'promo',
    ],
    [
      'a prompt in capitals to click',
      'Headline here\n\nReal text one.\n\nCLICK HERE TO GET THE NEWS APP',
      'promo',
    ],
    [
      'an image source credit',
      'Headline here\n\nImage source, Picture Desk\n\nReal text one.',
      'photo-credit',
    ],
    [
      "an embedded post's attribution",
      'Headline here\n\nReal text one.\n\nThe harbour is open again!\n\n— Maria Keller (@mariakeller) May 2, 2024',
      'byline',
    ],
  ])('drops %s and keeps the article', (_name, raw, reason) => {
    const result = cleanArticle(raw);
    expect(result.dropped.map((d) => d.reason)).toContain(reason);
    expect(kept(raw)).toContain('Real text one.');
  });

  test("a video's title after the player's label is dropped, and the story after it kept", () => {
    const raw =
      'Title\n\nReal text one.\n\nJUST WATCHED\n\nMayor: the harbour will reopen in May\n\nReal text two.';
    expect(kept(raw)).toEqual(['Title', 'Real text one.', 'Real text two.']);
  });

  test('the links under a heading of other stories are dropped, up to the next sentence', () => {
    const raw =
      'Title\n\nReal text one.\n\nRead more:\n\nMayor backs harbour plan\n\nFive things to know about the port\n\n' +
      'Real text two, said the mayor.\n\nRelated Topics\n\nHarbour\n\nCity council';
    expect(kept(raw)).toEqual(['Title', 'Real text one.', 'Real text two, said the mayor.']);
    expect(cleanArticle(raw).dropped.filter((d) => d.reason === 'teaser')).toHaveLength(6);
  });

  test('a heading of other stories as the first line is the headline', () => {
    expect(kept('Related stories\n\nReal text one.')).toEqual(['Related stories', 'Real text one.']);
  });

  test('a caption labelled with a comma, as screen-reader text reads, is a caption', () => {
    const raw = 'Title\n\nImage caption, The mayor at the harbour in June\n\nBody text follows here.';
    expect(cleanArticle(raw).paragraphs.map((p) => p.role)).toEqual(['headline', 'caption', 'body']);
  });

  test("a caption's label is cut, and the caption kept as a caption", () => {
    const raw =
      'Title\n\nFILE PHOTO: Mayor Maria Keller at the harbour in Varna, May 2, 2024.\n\nImage caption, The port at night\n\nBody text.';
    const { paragraphs } = cleanArticle(raw);
    expect(paragraphs.map((p) => p.role)).toEqual(['headline', 'caption', 'caption', 'body']);
    expect(kept(raw)).toEqual([
      'Title',
      'Mayor Maria Keller at the harbour in Varna, May 2, 2024.',
      'The port at night',
      'Body text.',
    ]);
  });

  test('a sentence about whom someone follows stays', () => {
    const raw = 'Title\n\nFollowing the vote, the mayor said she would go on to other work.\n\nMore text.';
    expect(kept(raw)).toContain('Following the vote, the mayor said she would go on to other work.');
  });

  test('a sentence about what someone contributed stays', () => {
    const raw = 'Title\n\nThe port contributed to this report, the mayor said.\n\nMore text.';
    expect(kept(raw)).toContain('The port contributed to this report, the mayor said.');
  });

  test('a sentence that says when something was updated is not a time stamp', () => {
    const raw = 'Title\n\nPublished figures show the harbour handled 12 ships in 2023.\n\nMore text.';
    expect(kept(raw)).toContain('Published figures show the harbour handled 12 ships in 2023.');
  });

  test("a photographer's credit closing a caption is cut, and the caption kept", () => {
    const raw =
      'Title\n\nThe mayor arrives at the harbour in Varna, June 3, 2024. WIRE/Ivan Petrov\n\nBody text here.';
    expect(kept(raw)).toContain('The mayor arrives at the harbour in Varna, June 3, 2024.');
    expect(kept(raw).join(' ')).not.toContain('Petrov');
  });

  test('a labelled credit closing a caption is cut, and the line is a caption', () => {
    const raw =
      'Title\n\nThe mayor at the harbour in Varna on Monday. Photograph: Ivan Petrov/Wire\n\nBody text here.';
    expect(kept(raw)).toContain('The mayor at the harbour in Varna on Monday.');
    expect(kept(raw).join(' ')).not.toContain('Petrov');
    expect(cleanArticle(raw).paragraphs.map((p) => p.role)).toEqual(['headline', 'caption', 'body']);
  });

  test('short lines of names, numbers and capitals are not dates', () => {
    const raw = 'Title\n\nNATO 2017\n\nMayor May Lee 2024\n\nBorn in 1999 in Kyiv\n\nBody text here.';
    expect(cleanArticle(raw).dropped).toEqual([]);
  });

  test('a slash between capitals in a sentence is not a credit', () => {
    const raw = 'Title\n\nThe report was written by the UN/WHO joint team.\n\nBody text here.';
    expect(kept(raw)).toContain('The report was written by the UN/WHO joint team.');
  });

  test('a line labelled as a caption is a caption, not body text', () => {
    const raw = 'Title\n\nImage caption: The mayor at the harbour in June.\n\nBody text follows here.';
    expect(cleanArticle(raw).paragraphs.map((p) => p.role)).toEqual(['headline', 'caption', 'body']);
  });

  test('keeps a body line that the article says twice', () => {
    const raw =
      'Title\n\nIntro line one.\n\nIntro line two.\n\nHe said: yes.\n\nMore text here.\n\nHe said: yes.';
    expect(kept(raw).filter((line) => line === 'He said: yes.')).toHaveLength(2);
  });

  test('folds no-break spaces without moving offsets', () => {
    const raw = 'Title line\n\nThe\u00a0mayor\u00a0spoke.';
    const paragraph = cleanArticle(raw).paragraphs[1]!;
    expect(raw.slice(paragraph.start, paragraph.end)).toBe('The\u00a0mayor\u00a0spoke.');
    expect(spanText(raw, paragraph, paragraph.cuts)).toBe('The mayor spoke.');
  });

  test('keeps every real sentence of an article, including one that mentions subscribers', () => {
    const raw = 'Title\n\nThe paper said it had lost 2,000 subscribers in a year.\n\nSales fell.';
    expect(kept(raw)).toEqual([
      'Title',
      'The paper said it had lost 2,000 subscribers in a year.',
      'Sales fell.',
    ]);
  });

  test('marks a short sentence after a credit as a caption, not as body text', () => {
    const raw =
      'Title\n\nPhoto by: Agency\n\nThe minister and the mayor attend a meeting in the city.\n\nBody text follows here.';
    const roles = cleanArticle(raw).paragraphs.map((p) => p.role);
    expect(roles).toEqual(['headline', 'caption', 'body']);
  });
});

describe('findNameCards', () => {
  test('cuts a hover card glued into a sentence and keeps the sentence', () => {
    const raw =
      'Finance Minister Ana CruzAna Maria CruzBudget talks stall again | Markets wobble MORE said on Monday that taxes would rise.';
    const cuts = findNameCards(raw, { start: 0, end: raw.length });
    expect(cuts).toHaveLength(1);
    expect(spanText(raw, { start: 0, end: raw.length }, cuts)).toBe(
      'Finance Minister Ana Cruz said on Monday that taxes would rise.',
    );
  });

  test('keeps a possessive after the card', () => {
    const raw = "The news follows President LeeDaniel LeeHeadline one MORE's visit to the port.";
    const text = spanText(
      raw,
      { start: 0, end: raw.length },
      findNameCards(raw, { start: 0, end: raw.length }),
    );
    expect(text).toBe("The news follows President Lee's visit to the port.");
  });

  test('leaves ordinary camel-case words and a lone MORE alone', () => {
    const raw = 'The iPhone maker and McDonald said MORE tests were needed.';
    expect(findNameCards(raw, { start: 0, end: raw.length })).toEqual([]);
  });
});
