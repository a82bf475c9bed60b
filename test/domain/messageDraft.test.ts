import { resolveChosenPeople } from '../../src/domain/chosenPeople';
import { findDueDateIn } from '../../src/domain/dueDate';
import { LIMITS } from '../../src/domain/limits';
import { draftFromMessage, type SourceMessage } from '../../src/domain/messageDraft';
import { withRecentOwners } from '../../src/domain/series';
import type { Member } from '../../src/domain/types';
import { aPerson, aSeries } from '../builders';

// Wednesday 13 March 2019, 14:00 in London.
const CONTEXT = { now: '2019-03-13T14:00:00Z', timeZone: 'Europe/London', locale: 'en-GB' };
const ellen: Member = { ...aPerson('Ellen Footman'), initials: 'EF' };
const derek: Member = { ...aPerson('Derek Benson'), initials: 'DBe' };
const members = [ellen, derek];

/** A message as Teams sends it: `@Name` in `text` becomes `<at id="n">Name</at>` mentioning that person by Entra id. */
function message(text: string, people = members): SourceMessage {
  const mentions: SourceMessage['mentions'] = [];
  const html = text.replace(/@(Ellen Footman|Derek Benson|Someone Else)/g, (_whole, name: string) => {
    const person = people.find((candidate) => candidate.name === name) ?? aPerson(name);
    const markup = `<at id="${mentions.length}">${name}</at>`;
    mentions.push({ markup, person: { id: person.id, name } });
    return markup;
  });
  return { html: `<p>${html}</p>`, mentions };
}

describe('draftFromMessage', () => {
  it('takes @mentions as owners, drops the ones that open or close the text, and reads a trailing due date', () => {
    const { draft, cutFrom } = draftFromMessage(message('@Ellen Footman please draft the letter to the Panel by Friday @Derek Benson'), { members, ...CONTEXT });
    expect(draft).toEqual({ text: 'please draft the letter to the Panel', owners: [{ id: ellen.id, name: ellen.name, teamsId: ellen.teamsId }, { id: derek.id, name: derek.name, teamsId: derek.teamsId }], due: '2019-03-15' });
    expect(cutFrom).toBeUndefined();
  });

  it('keeps a mention and a date said mid-sentence in the text, still taking both', () => {
    const { draft } = draftFromMessage(message('Could @Ellen Footman send it by Friday, please?'), { members, ...CONTEXT });
    expect(draft).toEqual({ text: 'Could Ellen Footman send it by Friday, please?', owners: [expect.objectContaining({ id: ellen.id })], due: '2019-03-15' });
  });

  it('leaves out people mentioned who are not in the chat, and people mentioned twice count once', () => {
    const { draft } = draftFromMessage(message('@Someone Else and @Ellen Footman to review, @Ellen Footman to sign'), { members, ...CONTEXT });
    expect(draft.owners.map((owner) => owner.id)).toEqual([ellen.id]);
  });

  it('reads HTML as plain text: tags dropped, entities decoded once, markdown kept as typed', () => {
    const { draft } = draftFromMessage({ html: '<div>Send <b>the</b> <a href="http://x">[audit](http://x)</a> &amp;amp; **notes**<br>&lt;b&gt;</div>', mentions: [] }, { members, ...CONTEXT });
    expect(draft.text).toBe('Send the [audit](http://x) &amp; **notes** <b>');
  });

  it('cuts a text longer than an action may be at a word, marks the cut, and says how long it was', () => {
    const long = 'word '.repeat(1000).trim();
    const { draft, cutFrom } = draftFromMessage({ html: long, mentions: [] }, { members, ...CONTEXT });
    expect(cutFrom).toBe(long.length);
    expect(draft.text.length).toBeLessThanOrEqual(LIMITS.textLength);
    expect(draft.text).toMatch(/^(word )+word…$/);
  });

  it('never splits an emoji when it cuts', () => {
    const { draft } = draftFromMessage({ html: '🎉'.repeat(LIMITS.textLength), mentions: [] }, { members, ...CONTEXT });
    expect(draft.text.endsWith('🎉…')).toBe(true);
    expect(draft.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('findDueDateIn', () => {
  it.each([
    ['Can you send it by Friday, please?', '2019-03-15', 'by Friday'],
    ['Due 12 June, but earlier is better', '2019-06-12', 'Due 12 June'],
    ['Tomorrow we need the report', '2019-03-14', 'Tomorrow'],
    ['in 2 weeks the audit closes', '2019-03-27', 'in 2 weeks'],
  ])('finds a date phrase anywhere: %s', (text, date, phrase) => {
    expect(findDueDateIn(text, CONTEXT.now, CONTEXT.timeZone, CONTEXT.locale)).toMatchObject({ date, phrase });
  });

  it.each(['We met on the 2.2 item', 'Friday was a good meeting', 'The 2019 budget', 'for 3 days'])('finds none without a keyword or a self-evident phrase: %s', (text) => {
    expect(findDueDateIn(text, CONTEXT.now, CONTEXT.timeZone, CONTEXT.locale)).toBeUndefined();
  });
});

describe('owners chosen in a picker', () => {
  it('resolves ids to members, or to people the record already holds (an owner who has left)', () => {
    const departed = aPerson('Nicki Pettitt');
    expect(resolveChosenPeople([departed.id, ellen.id], members, [departed])).toEqual({ ok: true, people: [departed, { id: ellen.id, name: ellen.name, teamsId: ellen.teamsId }] });
    expect(resolveChosenPeople(['stranger', ellen.id], members, [departed])).toEqual({ ok: false, unknown: ['stranger'] });
  });

  it('remembers the latest owners first, each once, and only a few', () => {
    let series = aSeries();
    for (const name of ['A One', 'B Two', 'C Three', 'D Four', 'E Five', 'F Six', 'G Seven', 'H Eight', 'I Nine']) series = withRecentOwners(series, [aPerson(name)]);
    series = withRecentOwners(series, [aPerson('C Three'), aPerson('J Ten')]);
    expect(series.recentOwners?.map((person) => person.name)).toEqual(['C Three', 'J Ten', 'I Nine', 'H Eight', 'G Seven', 'F Six', 'E Five', 'D Four']);
  });
});
