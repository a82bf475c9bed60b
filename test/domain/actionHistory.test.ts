import { HISTORY_LIMIT, HISTORY_PAGE_SIZE, pageOutHistory, withWholeHistory } from '../../src/domain/actionHistory';
import type { ActionEvent } from '../../src/domain/types';
import { aPerson, aSeriesKey, anAction } from '../builders';

const by = aPerson('Nicki Pettitt');
const at = (minute: number) => new Date(Date.parse('2019-03-14T09:00:00.000Z') + minute * 60_000).toISOString();
const update = (index: number): ActionEvent => ({ id: `u${index}`, kind: 'update', by, at: at(index), note: `Update ${index}` });

test('a trail within the limit stays in the record', () => {
  const action = anAction(aSeriesKey(), { history: Array.from({ length: HISTORY_LIMIT }, (_, index) => update(index)) });
  expect(pageOutHistory(action)).toEqual({ action });
});

test('past the limit the oldest events move to a page, keeping the created event and the close in the record, and nothing is lost or reordered', () => {
  const series = aSeriesKey();
  const created: ActionEvent = { id: 'c', kind: 'created', by, at: at(-1) };
  const closed: ActionEvent = { id: 'x', kind: 'closed', by, at: at(10), note: 'Done.' };
  const history = [created, ...Array.from({ length: 10 }, (_, index) => update(index)), closed, ...Array.from({ length: HISTORY_LIMIT - 11 }, (_, index) => update(index + 11))];
  const action = anAction(series, { history, status: 'closed' });
  const first = pageOutHistory(action);
  expect(first.page?.events).toHaveLength(HISTORY_PAGE_SIZE);
  expect(first.page?.events.some((event) => event.kind !== 'update')).toBe(false);
  expect(first.action.history.slice(0, 2)).toEqual([created, closed]);
  expect(first.action.history).toHaveLength(HISTORY_LIMIT + 1 - HISTORY_PAGE_SIZE);
  expect(first.action.archivedPages).toBe(1);
  expect(withWholeHistory(first.action, first.page ? [first.page] : [])).toEqual({ ...action, archivedPages: 1 });
});
