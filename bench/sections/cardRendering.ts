import { Template } from 'adaptivecards-templating';
import { ACTION_CARD_CONSTANTS, actionCardData, renderActionCard } from '../../src/cards/actionCard';
import { renderActionFormCard } from '../../src/cards/actionFormCard';
import { renderActionListCard } from '../../src/cards/actionListCard';
import { renderDecisionCard } from '../../src/cards/decisionCard';
import { renderHelpCard } from '../../src/cards/helpCard';
import { renderNoticeCard } from '../../src/cards/noticeCard';
import { bindConstants } from '../../src/cards/render';
import actionCardTemplate from '../../src/cards/templates/actionCard.json';
import { newSeries, withChair, withMembers } from '../../src/domain/series';
import type { Action, Decision, Person, Series } from '../../src/domain/types';
import { percentile } from '../stats';
import { fixed } from './exchange';
import type { BenchSection } from './section';

const NOW = '2019-03-13T14:00:00.000Z';
const VIEW = { locale: 'en-GB', now: NOW };

/**
 * Issue 7, part 4 (card half): each `src/cards` render function on realistic data (a 20-member
 * chat, an action with updates, a 30-action list), timed one render at a time in this process.
 * For the action card it also times parsing the template on every render, the cost that
 * preparing templates once at load avoids.
 */
export const cardRenderingSection: BenchSection = {
  id: 'cards',
  run: async (context) => {
    const { series, action, actions, decision } = sampleRecord(context.config.membersPerChat);
    const viewer = series.members[3] ?? action.createdBy;
    const cases: Array<[string, () => unknown]> = [
      ['Action card (shared copy)', () => renderActionCard(action, series, VIEW)],
      ['Action card (viewer + notice)', () => renderActionCard(action, series, { ...VIEW, viewer, notice: { text: 'Update added.', style: 'good' } })],
      ['Action card, template parsed per render', () => new Template(bindConstants(actionCardTemplate, ACTION_CARD_CONSTANTS)).expand({ $root: actionCardData(action, series, VIEW) })],
      ['New-action form', () => renderActionFormCard(series, { text: 'Draft the letter', owners: [] }, { notice: 'Who will do it?' })],
      ['Open actions list (30 actions)', () => renderActionListCard(actions, series, 'en-GB', NOW)],
      ['Decision card', () => renderDecisionCard(decision, 'en-GB')],
      ['Help card', () => renderHelpCard({ topic: 'capture', reach: 'bare', botName: 'Meeting Actions' })],
      ['Notice card', () => renderNoticeCard({ title: 'Nothing was changed', message: 'Only the owners or the chair can close A-1.', style: 'attention' })],
    ];
    const rows: string[] = [];
    for (const [name, render] of cases) {
      const size = Buffer.byteLength(JSON.stringify(render()));
      for (let index = 0; index < Math.min(200, context.config.renders); index += 1) render();
      const times: number[] = [];
      for (let index = 0; index < context.config.renders; index += 1) {
        const started = performance.now();
        render();
        times.push((performance.now() - started) * 1000);
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((sum, value) => sum + value, 0) / times.length;
      rows.push(`| ${name} | ${fixed(mean, 0)} | ${fixed(percentile(times, 50), 0)} | ${fixed(percentile(times, 99), 0)} | ${fixed(1e6 / mean, 0)} | ${(size / 1024).toFixed(1)} |`);
      context.log(`cards: ${name}: ${fixed(mean, 0)} µs mean`);
    }
    const markdown = [
      `Each render timed on its own, ${context.config.renders} times after 200 unmeasured, in the bench process (one core). The bot renders one action card per \`/action\` and two per Close (the shared copy and the clicker's).`,
      '',
      '| Card | Mean µs | p50 µs | p99 µs | Renders/s | JSON KiB |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n');
    return { title: 'Card rendering', markdown, checks: [] };
  },
};

/** A board chat with `memberCount` members, an action with three updates, thirty open actions and a decision. */
function sampleRecord(memberCount: number): { series: Series; action: Action; actions: Action[]; decision: Decision } {
  const people: Person[] = Array.from({ length: memberCount }, (_, index) => ({
    id: `aad-${index}`,
    name: `${['Derek', 'Ellen', 'Sarah', 'Nicki', 'James'][index % 5] ?? 'Member'} ${['Benson', 'Footman', 'Berry', 'Pettitt'][index % 4] ?? ''}${index}`,
    teamsId: `29:1member${index}`,
  }));
  const chair = people[0] ?? { id: 'chair', name: 'Chair' };
  const owner = people[1] ?? chair;
  const key = { tenantId: 'tenant-a', conversationId: '19:meeting_bench@thread.v2' };
  const series = withChair(withMembers(newSeries(key, 'Europe/London', NOW), people, NOW), chair, 'organizer');
  const base: Action = {
    id: 'action-1',
    seriesId: series.id,
    tenantId: key.tenantId,
    conversationId: key.conversationId,
    number: 1,
    text: 'Draft letter to the National Panel setting out the Board\'s response to the serious case review',
    owners: [owner],
    due: '2019-03-15',
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    meetingDate: '2019-03-13',
    status: 'open',
    createdBy: chair,
    createdAt: NOW,
    history: [
      { id: 'e0', kind: 'created', by: chair, at: NOW },
      { id: 'e1', kind: 'update', by: owner, at: NOW, note: 'Draft circulated to the panel chair for comment.' },
      { id: 'e2', kind: 'dueChanged', by: chair, at: NOW, detail: '2019-03-22' },
      { id: 'e3', kind: 'update', by: chair, at: NOW, note: 'Comments received; final version next week.' },
    ],
    cards: [{ conversationId: key.conversationId, activityId: 'sent-1', serviceUrl: 'https://smba.trafficmanager.net/uk/' }],
  };
  const actions = Array.from({ length: 30 }, (_, index): Action => ({
    ...base,
    id: `action-${index + 1}`,
    number: index + 1,
    owners: [people[index % people.length] ?? owner],
    due: index % 3 === 0 ? '2019-03-01' : '2019-04-10',
  }));
  const decision: Decision = {
    id: 'decision-1',
    seriesId: series.id,
    tenantId: key.tenantId,
    conversationId: key.conversationId,
    number: 1,
    text: 'The Board approved the revised SUDIC Protocol',
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    meetingDate: '2019-03-13',
    recordedBy: chair,
    recordedAt: NOW,
  };
  return { series, action: base, actions, decision };
}
