import type { AppInstaller } from '../services/appInstaller';
import type { AttendanceReports } from '../services/attendanceReports';
import type { MeetingInsights } from '../services/meetingInsights';
import type { PlannerBoard } from '../services/plannerBoard';
import { GraphAppInstaller } from './graphAppInstaller';
import { GraphAttendanceReports } from './graphAttendanceReports';
import { GraphClient } from './graphClient';
import type { GraphConfig } from './graphConfig';
import { GraphMeetingInsights } from './graphMeetingInsights';
import { GraphPlanner } from './graphPlanner';
import type { GraphRetryPolicy } from './graphRetry';

/** The services' Graph ports, as far as the configuration allows them. */
export interface GraphPorts {
  /** The one client, for ports still to come. */
  client: GraphClient;
  /** Absent without the app's catalog id (`TEAMS_APP_CATALOG_ID`). */
  installer?: AppInstaller;
  attendance: AttendanceReports;
  /** Copilot's meeting recaps; absent unless `COPILOT_INSIGHTS=on`. */
  insights?: MeetingInsights;
  planner: PlannerBoard;
}

/** Builds the Graph client and the ports over it; undefined when Graph is off. */
export function openGraph(config: GraphConfig | undefined, retry?: GraphRetryPolicy): GraphPorts | undefined {
  if (!config) return undefined;
  const client = new GraphClient(config, retry);
  return {
    client,
    ...(config.teamsAppCatalogId ? { installer: new GraphAppInstaller(client, config.endpoint, config.teamsAppCatalogId) } : {}),
    attendance: new GraphAttendanceReports(client),
    ...(config.copilotInsights ? { insights: new GraphMeetingInsights(client) } : {}),
    planner: new GraphPlanner(client),
  };
}
