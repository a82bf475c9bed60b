import { acceptanceSourceId, MAX_SUGGESTIONS, suggestionsFromRecap } from '../../../src/domain/suggestions/suggestions';
import type { Member } from '../../../src/domain/types';
import { aPerson, aSeries, anAction } from '../../builders';

const member = (name: string): Member => ({ ...aPerson(name), initials: '' });
const members = [member('Derek Benson'), member('Ellen Footman'), member('Derek Smith')];
const series = aSeries({ members });
const now = '2019-03-13T17:20:00.000Z';

describe('suggestionsFromRecap', () => {
  it('numbers the items, matches owners by name, and marks what an action already says as captured', () => {
    const captured = [anAction(series, { number: 4, text: 'Circulate the audit report', owners: [aPerson('Ellen Footman')] })];
    const suggestions = suggestionsFromRecap(
      [
        { text: 'Ellen will circulate the audit report to the board', ownerName: 'Ellen Footman' },
        { text: 'Circulate the audit report to the police', ownerName: 'Derek Benson' },
        { text: 'Book the venue', ownerName: 'Derek' },
        { text: 'Update the risk register' },
      ],
      members,
      captured,
      now,
    );
    expect(suggestions.readAt).toBe(now);
    expect(suggestions.items.map((item) => [item.id, item.matches.map((person) => person.name), item.state])).toEqual([
      ['s1', ['Ellen Footman'], { kind: 'captured', number: 4 }],
      // Similar words, but another owner: a different action.
      ['s2', ['Derek Benson'], { kind: 'open' }],
      ['s3', ['Derek Benson', 'Derek Smith'], { kind: 'open' }],
      ['s4', [], { kind: 'open' }],
    ]);
  });

  it('matches a captured action by the owner\'s name when the recap names someone not in the chat', () => {
    const leaver = aPerson('Paul Yeomans');
    const suggestions = suggestionsFromRecap([{ text: 'Paul to update the risk register', ownerName: 'Paul Yeomans' }], members, [anAction(series, { number: 2, text: 'Update the risk register', owners: [leaver] })], now);
    expect(suggestions.items[0]?.state).toEqual({ kind: 'captured', number: 2 });
  });

  it('drops items without words and repeats of one already listed, tidies spaces, and keeps at most the limit', () => {
    const many = Array.from({ length: MAX_SUGGESTIONS + 5 }, (_, index) => ({ text: `Task number${index} alpha${index} beta${index}`, ownerName: 'Ellen Footman' }));
    const suggestions = suggestionsFromRecap([{ text: '   ' }, { text: '  Book   the\nvenue ' , ownerName: 'Derek Benson'}, { text: 'Book the venue', ownerName: 'Derek Benson' }, ...many], members, [], now);
    expect(suggestions.items[0]).toMatchObject({ id: 's1', text: 'Book the venue' });
    expect(suggestions.items.filter((item) => item.text === 'Book the venue')).toHaveLength(1);
    expect(suggestions.items).toHaveLength(MAX_SUGGESTIONS);
  });

  it('keys an acceptance on the meeting and the suggestion only, so every click and every person name one action', () => {
    expect(acceptanceSourceId('meeting-1', 's2')).toBe(acceptanceSourceId('meeting-1', 's2'));
    expect(acceptanceSourceId('meeting-1', 's2')).not.toBe(acceptanceSourceId('meeting-2', 's2'));
  });
});
