import { Template } from 'adaptivecards-templating';
import { ACTION_CARD_CONSTANTS, actionCardData, renderActionCard, type ActionCardView } from '../../src/cards/actionCard';
import { bindConstants, withReadableText, type AdaptiveCardJson } from '../../src/cards/render';
import template from '../../src/cards/templates/actionCard.json';
import { withChair, withMembers } from '../../src/domain/series';
import { aPerson, aSeries, anAction } from '../builders';

describe('bindConstants', () => {
  const constants = { verbs: { close: 'action.close' }, noteLimit: 1000 };

  it('replaces a whole-string binding of a constant by its value, keeping its type', () => {
    expect(bindConstants({ verb: '${verbs.close}', maxLength: '${noteLimit}', list: ['${noteLimit}'] }, constants)).toEqual({ verb: 'action.close', maxLength: 1000, list: [1000] });
  });

  it('leaves data bindings, partial strings and plain values alone', () => {
    const node = { text: '${text}', title: 'Action ${ref}', mixed: 'limit ${noteLimit}', count: 3, flag: true, none: null };
    expect(bindConstants(node, constants)).toEqual(node);
  });

  it('refuses a constant path that leads nowhere, at load', () => {
    expect(() => bindConstants({ verb: '${verbs.reopen}' }, constants)).toThrow('${verbs.reopen}');
  });
});

describe('the action card with its constants bound at load', () => {
  const members = ['Chris Chair', 'Derek Benson', 'Ellen Footman'].map((name) => ({ ...aPerson(name), teamsId: `29:${name}` }));
  const series = withChair(withMembers(aSeries(), members, '2019-03-13T09:00:00.000Z'), members[0] ?? aPerson(), 'organizer');
  const open = anAction(series, { owners: [members[1] ?? aPerson()] });
  const closed = { ...open, status: 'closed' as const, closedBy: members[0], closedAt: '2019-03-14T10:00:00.000Z' };
  const now = '2019-03-13T14:00:00.000Z';
  const views: Array<[string, typeof open, ActionCardView]> = [
    ['the shared copy', open, { locale: 'en-GB', now }],
    ['a clicker who may not manage it, with a notice', open, { viewer: members[2], notice: { text: 'Update added.', style: 'good' }, locale: 'en-GB', now }],
    ['the owner picker', open, { viewer: members[0], picking: { scope: 'chat' }, locale: 'en-GB', now }],
    ['a reminder', open, { viewer: members[1], reminder: true, locale: 'en-US', now }],
    ['a closed action', closed, { locale: 'en-GB', now }],
  ];

  it.each(views)('draws %s exactly as the engine does with the constants as data', (_name, action, view) => {
    const unbound = withReadableText(new Template(template).expand({ $root: { ...actionCardData(action, series, view), ...ACTION_CARD_CONSTANTS } }) as AdaptiveCardJson);
    expect(renderActionCard(action, series, view)).toEqual(unbound);
  });
});
