import { FixedClock } from '../../src/domain/clock';
import { cardOf, startHarness, textOf, type BotHarness } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import type { SentActivity } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';
import meeting from './board-meeting-2019-03-13.json';

/** One line of the transcript: who spoke (or the bot), and what the chat showed. */
export interface TranscriptLine {
  speaker: string;
  text: string;
  kind: 'said' | 'message' | 'card' | 'cardUpdated' | 'heading';
}

/** What a replay leaves behind: the transcript, and the running bot for anyone who wants to look further. */
export interface Replay {
  transcript: TranscriptLine[];
  harness: BotHarness;
  chat: TeamsChat;
  people: Map<string, ChatPerson>;
}

/**
 * Replays the March 2019 board meeting (and the December meeting whose actions it reviews) through
 * the bot's real HTTP endpoint, as its members would have typed it in the Teams meeting chat.
 */
export async function replayBoardMeeting(): Promise<Replay> {
  const clock = new FixedClock(meeting.meetings[0]?.at ?? '2019-03-13T14:00:00Z');
  const harness = await startHarness({ clock });
  const chat = new TeamsChat(harness.connector.url, 'wscb-tenant');
  const people = new Map(meeting.members.map((name) => [name, chatPerson(name, { timeZone: meeting.timeZone })]));
  const everyone = [...people.values()];
  const chair = people.get(meeting.chair);
  if (!chair) throw new Error(`the chair ${meeting.chair} is not among the members`);
  harness.connector.setMembers(chat.conversationId, everyone);
  harness.connector.setMeeting(chat.meetingId, { organizer: chair, title: 'Safeguarding Children Board', start: '2019-03-13T14:00:00Z', end: '2019-03-13T17:00:00Z' });

  const transcript: TranscriptLine[] = [];
  await harness.post(chat.installationUpdate(chair));
  record(transcript, harness.take());
  for (const occurrence of meeting.meetings) {
    clock.set(occurrence.at);
    transcript.push({ speaker: '', text: occurrence.title, kind: 'heading' });
    for (const [index, step] of occurrence.steps.entries()) {
      const from = people.get(step.from);
      if (!from) throw new Error(`${step.from} is not a member`);
      // A minute apart, as people type in a meeting.
      clock.set(new Date(Date.parse(occurrence.at) + index * 60_000).toISOString());
      transcript.push({ speaker: from.name, text: step.say, kind: 'said' });
      const response = await harness.post(chat.message(from, step.say, everyone));
      if (response.status !== 200) throw new Error(`the bot answered ${response.status} to "${step.say}"`);
      record(transcript, harness.take());
    }
  }
  if (harness.turnErrors.length > 0) throw new Error(`the bot failed a turn: ${String(harness.turnErrors[0])}`);
  return { transcript, harness, chat, people };
}

function record(transcript: TranscriptLine[], sent: SentActivity[]): void {
  for (const activity of sent) {
    const card = cardOf(activity);
    if (activity.kind === 'update') {
      transcript.push({ speaker: 'Meeting Actions', text: cardText(card).slice(0, 1).join(' '), kind: 'cardUpdated' });
    } else if (card) {
      transcript.push({ speaker: 'Meeting Actions', text: cardText(card).join('\n'), kind: 'card' });
    } else {
      transcript.push({ speaker: 'Meeting Actions', text: textOf(activity), kind: 'message' });
    }
  }
}
