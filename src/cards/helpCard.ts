import type { CommandName } from '../domain/command';
import { LIMITS } from '../domain/limits';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/helpCard.json';

/** The data the help card binds to. */
export interface HelpCardData {
  intro: string;
  commands: Array<{ usage: string; description: string; example: string }>;
  limits: string;
  /** Lines about features this chat has on or off (suggested actions from Copilot), with why. */
  notes: Array<{ text: string }>;
}

/** Every command with its usage and a real example; typed as a record so a new command cannot be left out. */
const COMMAND_HELP: Record<CommandName, { usage: string; description: string; example: string }> = {
  action: {
    usage: '/action <what> <owner> [by <date>]',
    description: 'Capture an action. Name owners with @mentions or initials; add a due date in words. /action alone opens a form.',
    example: '/action Draft letter to the National Panel @Derek Benson by Friday',
  },
  decision: {
    usage: '/decision <what was decided>',
    description: 'Record a decision under the current agenda item.',
    example: '/decision The Board approved the revised SUDIC Protocol',
  },
  item: {
    usage: '/item <number> <title>',
    description: 'Set the agenda item that the following actions and decisions belong to.',
    example: '/item 2.2 S157/175 Safeguarding Audit',
  },
  actions: {
    usage: '/actions',
    description: "List this chat's open actions by owner, overdue first.",
    example: '/actions',
  },
  close: {
    usage: '/close <ref> [note]',
    description: 'Close an action (owners and the chair).',
    example: '/close A-12 Letter sent on 15 March',
  },
  update: {
    usage: '/update <ref> <note>',
    description: "Add an update to an action's record (anyone in the chat).",
    example: '/update A-12 Draft circulated for comment',
  },
  meeting: {
    usage: '/meeting start | end',
    description: "Open the meeting (posts the action log) or close it, when Teams' own start and end do not reach me.",
    example: '/meeting start',
  },
  present: {
    usage: '/present [people (role)]',
    description: 'Mark people present, with @mentions, initials or names and a role in brackets; alone, marks you.',
    example: '/present DBe (WSCB Independent Chair), SB (Minutes)',
  },
  apologies: {
    usage: '/apologies <people (role)>',
    description: 'Record apologies.',
    example: '/apologies KD (District Councils), Nathan Travis (H&W Fire and Rescue Service)',
  },
  deputy: {
    usage: '/deputy <who> for <whom>',
    description: 'Mark someone present deputising for an absent member.',
    example: '/deputy HH (Early Help, CHS) for SW',
  },
  note: {
    usage: '/note <text>',
    description: "Add a line of discussion to the current item's minutes.",
    example: '/note DH presented the S157/175 Safeguarding Audit report.',
  },
  matters: {
    usage: '/matters',
    description: 'Show the action log (matters arising): actions from earlier meetings, open or closed since the last one.',
    example: '/matters',
  },
  approve: {
    usage: '/approve minutes [amendment]',
    description: "Record approval of the previous meeting's minutes, with any amendment.",
    example: '/approve minutes Targeted Early Help teams are working in six districts (not two).',
  },
  minutes: {
    usage: '/minutes [last]',
    description: "This meeting's minutes (or the last one's) as a summary, with Word and Markdown links only you can use, for an hour.",
    example: '/minutes',
  },
  next: {
    usage: '/next <date> <time>',
    description: 'Set when the next meeting starts; the chair gets the action log the day before.',
    example: '/next 12 June 2pm',
  },
  digest: {
    usage: '/digest',
    description: 'Show the action log now: open actions and those closed since the last meeting, with the last decisions.',
    example: '/digest',
  },
  planner: {
    usage: '/planner <plan link> | off',
    description: "The chair links this chat to a Planner plan: each new action becomes a task there, and completing either closes the other. /planner off stops it and deletes nothing; /planner alone says where things stand.",
    example: '/planner https://planner.cloud.microsoft/webui/plan/xqQg5FS2LkCp935s-FIFm2QAFkHM/view/board',
  },
  settings: {
    usage: '/settings',
    description: 'In your 1:1 chat with me: when reminders and the weekly digest come, your time zone, digests on or off.',
    example: '/settings',
  },
  help: {
    usage: '/help',
    description: 'Show this list.',
    example: '/help',
  },
};

const render = prepareCard<HelpCardData>(template);

/** Draws `/help`: every command with an example, the limits on what a capture may hold, and `notes` about this chat. */
export function renderHelpCard(notes: readonly string[] = []): AdaptiveCardJson {
  return render({
    notes: notes.map((text) => ({ text })),
    intro:
      'Type these in the meeting chat, with or without @mentioning me. Dates like "by Friday", "due 12 June", "in 2 weeks" or "end of month" are read in your time zone. Initials are shown on cards and in /actions.',
    commands: Object.values(COMMAND_HELP),
    limits: `Action and decision text: up to ${LIMITS.textLength} characters. Owners per action: up to ${LIMITS.ownersPerAction}. Update and closing notes: up to ${LIMITS.noteLength} characters. Agenda items: up to ${LIMITS.itemLength} characters.`,
  });
}
