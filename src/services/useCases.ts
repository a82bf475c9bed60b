import type { Logger } from '../observability/logger';
import type { Storage } from '../store/storage';
import { ActionService } from './actionChangeService';
import { AttendanceService } from './attendanceService';
import type { AttendanceReports } from './attendanceReports';
import { CaptureService } from './captureService';
import { ChatService } from './chatService';
import { DigestService } from './digestService';
import { MeetingService } from './meetingService';
import { MinutesService } from './minutesService';
import { PeopleService } from './peopleService';

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
}

/** Builds the use-cases over one storage. */
export function createUseCases(deps: UseCaseDeps): UseCases {
  const attendance = deps.attendanceReports ? new AttendanceService(deps.storage.chats, deps.storage.jobs, deps.attendanceReports, deps.logger) : undefined;
  const meetings = new MeetingService(deps.storage.chats, attendance);
  return {
    chats: new ChatService(deps),
    capture: new CaptureService(deps.storage, meetings, deps.logger),
    actions: new ActionService(deps.storage, deps.logger),
    meetings,
    digests: new DigestService(deps.storage.chats),
    minutes: new MinutesService(deps.storage.chats),
    people: new PeopleService(deps.storage),
    ...(attendance ? { attendance } : {}),
  };
}
