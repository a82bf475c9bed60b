import type { Clock } from '../domain/clock';
import type { Logger } from '../observability/logger';
import type { AttendanceService } from '../services/attendanceService';
import type { Notifier } from '../services/notifier';
import type { PlannerService } from '../services/plannerService';
import type { SuggestionService } from '../services/suggestionService';
import type { Storage } from '../store/storage';

/** What the scheduler works with: the storage, a way to send, and its settings. */
export interface SchedulerDeps {
  storage: Storage;
  notifier: Notifier;
  logger: Logger;
  /** Names this instance in claims, for logs. */
  instanceId: string;
  /** How long a claim holds; a claimer that dies releases its jobs when this lapses. */
  leaseMs: number;
  /** How long before the next meeting the chair gets the action log. */
  chairDigestLeadHours: number;
  /** Locale for scheduled cards when the person's own is unknown. */
  defaultLocale: string;
  /** The real clock: a pass run as of another time (`npm run tick -- --at`) claims and re-times jobs by it. */
  clock: Clock;
  /** Takes attendance from Teams' reports; absent without Microsoft Graph. */
  attendance?: AttendanceService;
  /** Offers Copilot's recap as suggested actions; absent unless `COPILOT_INSIGHTS=on`. */
  suggestions?: SuggestionService;
  /** Keeps actions in step with Planner; absent without Microsoft Graph. */
  planner?: PlannerService;
}
