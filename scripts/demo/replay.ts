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
  kind: 'said' | 'event' | 'message' | 'card' | 'cardUpdated' | 'heading';
}

/** What a replay leaves behind: the transcript, and the running bot for anyone who wants to look further. */
export interface Replay {
  transcript: TranscriptLine[];
  harness: BotHarness;
  chat: TeamsChat;
  people: Map<string, ChatPerson>;
  /** The links on the last minutes card the chat was given (Word and Markdown). */
  minutesLinks: { docx: string; markdown: string };
  /** The minutes as Markdown, fetched through the signed link as a member would. */
  minutesMarkdown: string;
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
    for (const [index, step] of (occurrence.steps as Step[]).entries()) {
      const from = people.get(step.from);
      if (!from) throw new Error(`${step.from} is not a member`);
      // A minute apart, as people type in a meeting, unless the step says when.
      clock.set(new Date(step.at ?? Date.parse(occurrence.at) + index * 60_000).toISOString());
      const activity = eventOrMessage(chat, from, step, everyone, clock.now());
      transcript.push({ speaker: 'event' in step ? 'Teams' : from.name, text: activity.said, kind: 'event' in step ? 'event' : 'said' });
      const response = await harness.post(activity.body);
      if (response.status !== 200) throw new Error(`the bot answered ${response.status} to "${activity.said}"`);
      record(transcript, harness.take());
    }
  }
  if (harness.turnErrors.length > 0) throw new Error(`the bot failed a turn: ${String(harness.turnErrors[0])}`);
  const minutesLinks = lastMinutesLinks(harness);
  const response = await fetch(minutesLinks.markdown);
  if (response.status !== 200) throw new Error(`the minutes link answered ${response.status}`);
  return { transcript, harness, chat, people, minutesLinks, minutesMarkdown: await response.text() };
}

/** The Word and Markdown links on the last minutes card posted in the replay. */
function lastMinutesLinks(harness: BotHarness): { docx: string; markdown: string } {
  const card = harness.connector.sent.map((sent) => cardOf(sent)).filter((candidate) => candidate?.['actions'] && cardText(candidate)[0]?.startsWith('Minutes: ')).at(-1);
  const urls = ((card?.['actions'] as Array<{ url?: string }> | undefined) ?? []).map((action) => action.url ?? '');
  const [docx, markdown] = urls;
  if (!docx || !markdown) throw new Error('the replay ended without a minutes card');
  return { docx, markdown };
}

/** One step of the script: something a member types, or a Teams meeting event. */
type Step = { from: string; at?: string } & ({ say: string } | { event: string; title?: string });

/** The activity a step posts, and how the transcript shows it. */
function eventOrMessage(chat: TeamsChat, from: ChatPerson, step: Step, everyone: ChatPerson[], now: string): { said: string; body: Record<string, unknown> } {
  if ('say' in step) return { said: step.say, body: chat.message(from, step.say, everyone) };
  const which = step.event === 'meetingStart' ? 'start' : 'end';
  return { said: `(the Teams meeting ${which === 'start' ? 'starts' : 'ends'})`, body: chat.meetingEvent(from, which, { at: now, ...(step.title ? { title: step.title } : {}) }) };
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
