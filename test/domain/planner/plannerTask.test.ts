import { plannerDueDateTime, plannerTaskTitle, teamsLinkTo } from '../../../src/domain/planner/plannerTask';
import { aSeries, anAction } from '../../builders';

const series = aSeries({ conversationId: '19:meeting_abc@thread.v2' });

describe('an action as a Planner task', () => {
  it('is titled with its reference and text, cut to Planner\'s 255 characters', () => {
    expect(plannerTaskTitle(anAction(series, { number: 12, text: 'Draft letter to the\nNational Panel' }))).toBe('A-12 Draft letter to the National Panel');
    const long = plannerTaskTitle(anAction(series, { number: 3, text: 'x'.repeat(400) }));
    expect(long).toHaveLength(255);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is due at noon on its due day in the series\' zone', () => {
    expect(plannerDueDateTime('2019-03-15', 'Europe/London')).toBe('2019-03-15T12:00:00Z');
    expect(plannerDueDateTime('2019-06-14', 'Europe/London')).toBe('2019-06-14T11:00:00Z');
    expect(plannerDueDateTime('2019-06-14', 'America/New_York')).toBe('2019-06-14T16:00:00Z');
  });

  it('links back to the action\'s card in the meeting chat, else to the chat', () => {
    const posted = anAction(series, { cards: [{ conversationId: 'a:1personal', activityId: '9', serviceUrl: 'https://smba' }, { conversationId: series.conversationId, activityId: '1552485600000', serviceUrl: 'https://smba' }] });
    expect(teamsLinkTo(posted)).toBe('https://teams.microsoft.com/l/message/19:meeting_abc@thread.v2/1552485600000?context=%7B%22contextType%22%3A%22chat%22%7D');
    expect(teamsLinkTo(anAction(series))).toBe('https://teams.microsoft.com/l/chat/19:meeting_abc@thread.v2/conversations');
  });
});
