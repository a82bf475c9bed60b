import type { Logger } from '../observability/logger';
import type { Storage } from '../store/storage';
import { ActionService } from './actionChangeService';
import { AttendanceService, type MeetingWatcher } from './attendanceService';
import type { AttendanceReports } from './attendanceReports';
import { CaptureService } from './captureService';
import { ChatService } from './chatService';
import { DigestService } from './digestService';
import { MeetingService } from './meetingService';
import type { MeetingInsights } from './meetingInsights';
import { MinutesService } from './minutesService';
import { PeopleService } from './peopleService';
import type { PlannerBoard } from './plannerBoard';
import { PlannerService } from './plannerService';
import { SuggestionService } from './suggestionService';

/** Every use-case the Teams handlers, the HTTP routes and the scheduler call, built once on the storage. */
export interface UseCases {
  chats: ChatService;
  capture: CaptureService;
  actions: ActionService;
  meetings: MeetingService;
  digests: DigestService;
  minutes: MinutesService;
  people: PeopleService;
  /** Attendance from Teams' reports; absent without Microsoft Graph. */
  attendance?: AttendanceService;
  /** Suggested actions from Copilot's meeting recaps; absent unless Graph is on and `COPILOT_INSIGHTS=on`. */
  suggestions?: SuggestionService;
  /** Actions kept in step with a Planner plan; absent without Microsoft Graph. */
  planner?: PlannerService;
}

/** What the use-cases are built from. */
export interface UseCaseDeps {
  storage: Storage;
  logger: Logger;
  /** Zone of a chat whose first speaker's client sent none. */
  defaultTimeZone: string;
  /** How long before the next meeting the chair gets the action log. */
  chairDigestLeadHours: number;
  /** Teams' attendance reports (Microsoft Graph); absent when Graph is not configured. */
  attendanceReports?: AttendanceReports;
  /** Copilot's meeting recaps (Microsoft Graph); absent unless `COPILOT_INSIGHTS=on`. */
  meetingInsights?: MeetingInsights;
  /** Planner (Microsoft Graph); absent when Graph is not configured. */
  plannerBoard?: PlannerBoard;
}

/** Builds the use-cases over one storage. */
export function createUseCases(deps: UseCaseDeps): UseCases {
  const attendance = deps.attendanceReports ? new AttendanceService(deps.storage.chats, deps.storage.jobs, deps.attendanceReports, deps.logger) : undefined;
  // Suggestions are told about meetings too, and capture through the same service; the meetings service is built first without them.
  const watchers: MeetingWatcher[] = attendance ? [attendance] : [];
  const meetings = new MeetingService(deps.storage.chats, watchers);
  const capture = new CaptureService(deps.storage, meetings, deps.logger);
  const actions = new ActionService(deps.storage, deps.logger);
  const suggestions = deps.meetingInsights ? new SuggestionService(deps.storage.chats, deps.storage.jobs, deps.meetingInsights, capture, deps.logger) : undefined;
  if (suggestions) watchers.push(suggestions);
  return {
    chats: new ChatService(deps),
    capture,
    actions,
    meetings,
    digests: new DigestService(deps.storage.chats),
    minutes: new MinutesService(deps.storage.chats),
    people: new PeopleService(deps.storage),
    ...(attendance ? { attendance } : {}),
    ...(suggestions ? { suggestions } : {}),
    ...(deps.plannerBoard ? { planner: new PlannerService(deps.storage, deps.plannerBoard, actions, deps.logger) } : {}),
  };
}
