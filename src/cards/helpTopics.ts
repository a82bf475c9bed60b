import type { CommandName } from '../domain/command';
import { LIMITS } from '../domain/limits';

/** How one command is shown in `/help`: its form, what it does, and a real example. */
export interface CommandHelp {
  usage: string;
  description: string;
  example: string;
}

/**
 * Every command with its form and a real example; typed as a record so a new command cannot be
 * left out. Placeholders are written `{what}`: Teams, the Agents Playground and most Markdown
 * renderers drop `<what>` as an unknown HTML tag, so `/action <what> <owner>` would show as `/action`.
 */
export const COMMAND_HELP: Record<CommandName, CommandHelp> = {
  action: {
    usage: '/action {what} {owner} [by {date}]',
    description: 'Capture an action. Name owners with @mentions or initials, at the start or the end; add a due date in words. /action alone opens a form.',
    example: '/action Draft letter to the National Panel @Derek Benson by Friday',
  },
  decision: {
    usage: '/decision {what was decided}',
    description: 'Record a decision under the current agenda item.',
    example: '/decision The Board approved the revised SUDIC Protocol',
  },
  item: {
    usage: '/item {number} {title}',
    description: 'Set the agenda item that the following actions and decisions belong to.',
    example: '/item 2.2 S157/175 Safeguarding Audit',
  },
  actions: {
    usage: '/actions',
    description: "List this chat's open actions by owner, overdue first.",
    example: '/actions',
  },
  close: {
    usage: '/close {ref} [{note}]',
    description: 'Close an action (owners and the chair).',
    example: '/close A-12 Letter sent on 15 March',
  },
  update: {
    usage: '/update {ref} {note}',
    description: "Add an update to an action's record (anyone in the chat).",
    example: '/update A-12 Draft circulated for comment',
  },
  meeting: {
    usage: '/meeting start | end',
    description: "Open the meeting (posts the action log) or close it, when Teams' own start and end do not reach me.",
    example: '/meeting start',
  },
  present: {
    usage: '/present [{people (role)}]',
    description: 'Mark people present, with @mentions, initials or names and a role in brackets; alone, marks you.',
    example: '/present DBe (WSCB Independent Chair), SB (Minutes)',
  },
  apologies: {
    usage: '/apologies {people (role)}',
    description: 'Record apologies.',
    example: '/apologies KD (District Councils), Nathan Travis (H&W Fire and Rescue Service)',
  },
  deputy: {
    usage: '/deputy {who} for {whom}',
    description: 'Mark someone present deputising for an absent member.',
    example: '/deputy HH (Early Help, CHS) for SW',
  },
  note: {
    usage: '/note {text}',
    description: "Add a line of discussion to the current item's minutes.",
    example: '/note DH presented the S157/175 Safeguarding Audit report.',
  },
  matters: {
    usage: '/matters',
    description: 'Show the action log (matters arising): actions from earlier meetings, open or closed since the last one.',
    example: '/matters',
  },
  approve: {
    usage: '/approve minutes [{amendment}]',
    description: "Record approval of the previous meeting's minutes, with any amendment.",
    example: '/approve minutes Targeted Early Help teams are working in six districts (not two).',
  },
  minutes: {
    usage: '/minutes [last]',
    description: "This meeting's minutes (or the last one's) as a summary, with Word and Markdown links only you can use, for an hour.",
    example: '/minutes',
  },
  next: {
    usage: '/next {date} {time}',
    description: 'Set when the next meeting starts; the chair gets the action log the day before.',
    example: '/next 12 June 2pm',
  },
  digest: {
    usage: '/digest',
    description: 'Show the action log now: open actions and those closed since the last meeting, with the last decisions.',
    example: '/digest',
  },
  planner: {
    usage: '/planner {plan link} | off',
    description: 'The chair links this chat to a Planner plan: each new action becomes a task there, and completing either closes the other. /planner off stops it and deletes nothing; /planner alone says where things stand.',
    example: '/planner https://planner.cloud.microsoft/webui/plan/xqQg5FS2LkCp935s-FIFm2QAFkHM/view/board',
  },
  settings: {
    usage: '/settings',
    description: 'In your 1:1 chat with me: when reminders and the weekly digest come, your time zone, digests on or off.',
    example: '/settings',
  },
  help: {
    usage: '/help [{topic}]',
    description: 'Show this card; a topic (meetings, reminders, limits) opens that part.',
    example: '/help reminders',
  },
};

/** The parts of `/help`, each opened by its own button so the card stays short. */
export const HELP_TOPICS = ['capture', 'meetings', 'reminders', 'limits'] as const;

/** One part of `/help`. */
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** A part of `/help`: its heading, its button's (shorter) title, the commands it explains, and lines that are not commands. */
export interface HelpTopicContent {
  title: string;
  button: string;
  commands: readonly CommandName[];
  notes: readonly string[];
}

/** What each part of `/help` holds; together they explain every command but `/help` itself, which the card's intro names. */
export const HELP_TOPIC_CONTENT: Record<HelpTopic, HelpTopicContent> = {
  capture: {
    title: 'Capture',
    button: 'Capture',
    commands: ['action', 'decision', 'item', 'actions', 'close', 'update', 'planner'],
    notes: [],
  },
  meetings: {
    title: 'Meetings and minutes',
    button: 'Meetings',
    commands: ['meeting', 'present', 'apologies', 'deputy', 'note', 'matters', 'approve', 'minutes'],
    notes: [],
  },
  reminders: {
    title: 'Reminders',
    button: 'Reminders',
    commands: ['next', 'digest', 'settings'],
    notes: [
      'Owners get reminders in their 1:1 chat with me at 09:00 their time: two working days before the due date, on the day, and weekly while overdue; and a weekly digest of their open actions.',
      'In our 1:1 chat, /actions lists your own open actions across every meeting.',
    ],
  },
  limits: {
    title: 'Dates and limits',
    button: 'Dates and limits',
    commands: [],
    notes: [
      'Due dates in words are read in your time zone: "by Friday", "due 12 June", "in 2 weeks", "end of month", "2019-03-15".',
      `Action and decision text: up to ${LIMITS.textLength} characters. Owners per action: up to ${LIMITS.ownersPerAction}. Update and closing notes: up to ${LIMITS.noteLength} characters. Agenda items: up to ${LIMITS.itemLength} characters.`,
    ],
  },
};

/** Words people type after `/help` for each part; the part's own name always works. */
const TOPIC_WORDS: Record<HelpTopic, readonly string[]> = {
  capture: ['capture', 'action', 'actions', 'decision', 'decisions', 'item', 'close', 'update', 'planner'],
  meetings: ['meetings', 'meeting', 'minutes', 'present', 'apologies', 'deputy', 'note', 'matters', 'approve'],
  reminders: ['reminders', 'reminder', 'digest', 'digests', 'settings', 'next'],
  limits: ['limits', 'limit', 'dates', 'date'],
};

/** The part of `/help` a word asks for (`/help minutes`), or undefined when it names none. */
export function helpTopicFor(word: string): HelpTopic | undefined {
  const wanted = word.trim().toLowerCase().replace(/^\//, '').split(/\s+/)[0] ?? '';
  return HELP_TOPICS.find((topic) => TOPIC_WORDS[topic].includes(wanted));
}

/** Whether a value (from a card button's data) is one of the parts of `/help`. */
export function isHelpTopic(value: unknown): value is HelpTopic {
  return typeof value === 'string' && (HELP_TOPICS as readonly string[]).includes(value);
}
