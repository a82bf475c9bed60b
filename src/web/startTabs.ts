import type { AppConfig } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../observability/logger';
import type { ChatDirectory } from '../services/chatDirectory';
import type { Messenger } from '../services/messenger';
import { TabService } from '../services/tabService';
import type { UseCases } from '../services/useCases';
import type { Storage } from '../store/storage';
import { defaultPagesDir } from './pageAssets';
import { TabApi } from './tabApi';
import { TabSignIn } from './tabSignIn';

/** What the tabs are built from: the composition root hands these over. */
export interface TabsParts {
  config: AppConfig;
  storage: Storage;
  useCases: UseCases;
  /** The Teams adapter: sends card updates, and reads a chat's roster outside a turn. */
  teams: { messenger: Messenger; directoryOf(address: { serviceUrl: string; conversationId: string; meetingId?: string }): ChatDirectory };
  clock: Clock;
  logger: Logger;
  pagesDir?: string;
}

/**
 * Builds the tabs' API and sign-in for the HTTP room. Refuses the development sign-in in
 * production whatever the configuration says: a token-free sign-in must never face the internet.
 */
export function startTabs(parts: TabsParts) {
  const { config, logger } = parts;
  const tabs = config.tabs ?? { devSignIn: config.localMode && !config.production };
  if (tabs.devSignIn && (config.production || !config.localMode)) throw new Error('The development sign-in for the tabs is only for local mode, never production.');
  if (tabs.devSignIn) logger.warn('tabs: development sign-in is on (local mode): open /tabs/actions?dev=1 in a browser. Never expose this bot to a network.');
  else if (!tabs.sso) logger.warn('tabs: TAB_SSO_APP_ID is not set, so the meeting and personal tabs cannot sign anyone in (docs/DEPLOY.md).');
  const service = new TabService({
    chats: parts.storage.chats,
    chatService: parts.useCases.chats,
    actions: parts.useCases.actions,
    directoryOf: (series) => (series.serviceUrl ? parts.teams.directoryOf({ serviceUrl: series.serviceUrl, conversationId: series.conversationId, ...(series.meetingId ? { meetingId: series.meetingId } : {}) }) : undefined),
  });
  return {
    api: new TabApi({ tabs: service, people: parts.useCases.people, messenger: parts.teams.messenger, clock: parts.clock, logger }),
    signIn: new TabSignIn(tabs),
    pagesDir: parts.pagesDir ?? defaultPagesDir(),
    logger,
  };
}
