import { formatAgendaItem, parseAgendaItem } from '../../src/domain/agendaItem';
import { LIMITS } from '../../src/domain/limits';

describe('parseAgendaItem', () => {
  it.each([
    ['2.2 S157/175 Safeguarding Audit', '2.2', 'S157/175 Safeguarding Audit'],
    ['3 Apologies', '3', 'Apologies'],
    ['4.1a Early Help Strategy', '4.1a', 'Early Help Strategy'],
    ['1.2.3 Deep item', '1.2.3', 'Deep item'],
    ['2.2. Safeguarding Audit', '2.2', 'Safeguarding Audit'],
    ['2.2 - Safeguarding Audit', '2.2', 'Safeguarding Audit'],
    ['2.2: Safeguarding Audit', '2.2', 'Safeguarding Audit'],
    ['5', '5', ''],
  ])('reads "%s" as number %s and its title', (args, number, title) => {
    expect(parseAgendaItem(args)).toEqual({ kind: 'ok', item: { number, title } });
  });

  it('reads "Part 6" headings, capitalising and tidying the word', () => {
    expect(parseAgendaItem('Part 6 Improving Frontline Practice Group')).toEqual({
      kind: 'ok',
      item: { number: 'Part 6', title: 'Improving Frontline Practice Group' },
    });
    expect(parseAgendaItem('part   2: Business')).toEqual({ kind: 'ok', item: { number: 'Part 2', title: 'Business' } });
  });

  it('reads the Teams HTML as plain text', () => {
    expect(parseAgendaItem('<p>2.2 S157/175 &amp; Audit</p>')).toEqual({ kind: 'ok', item: { number: '2.2', title: 'S157/175 & Audit' } });
  });

  it('asks which item when nothing follows /item', () => {
    expect(parseAgendaItem('  ')).toEqual({
      kind: 'invalid',
      message: 'Which agenda item? Type the item number and title, e.g. /item 2.2 S157/175 Safeguarding Audit.',
    });
  });

  it('says what is wrong when the first word is not a number', () => {
    expect(parseAgendaItem('Safeguarding Audit')).toEqual({
      kind: 'invalid',
      message: '"Safeguarding" is not an item number. Type the item number and title, e.g. /item 2.2 S157/175 Safeguarding Audit.',
    });
  });

  it('refuses an item over the limit and names the limit', () => {
    const result = parseAgendaItem(`2.2 ${'x'.repeat(LIMITS.itemLength)}`);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.message).toContain(`at most ${LIMITS.itemLength} characters`);
  });
});

describe('formatAgendaItem', () => {
  it('writes number and title as the agenda does', () => {
    expect(formatAgendaItem({ number: '2.2', title: 'S157/175 Safeguarding Audit' })).toBe('2.2 S157/175 Safeguarding Audit');
  });

  it('writes the number alone when there is no title, and "No item" when there is no item', () => {
    expect(formatAgendaItem({ number: '5', title: '' })).toBe('5');
    expect(formatAgendaItem(undefined)).toBe('No item');
  });
});
