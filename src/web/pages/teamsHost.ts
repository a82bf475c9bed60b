import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import type { HostContext, HostTheme, PageFrame, PageHost } from './pageHost';

/**
 * The page inside Teams: context, theme and single sign-on from teams-js. `getAuthToken` returns the
 * Entra token Teams got for the app's `webApplicationInfo` resource (cached by Teams until it expires).
 */
export async function teamsHost(): Promise<PageHost> {
  await app.initialize();
  const context = await app.getContext();
  const hostContext: HostContext = {
    ...(context.chat?.id ? { chatId: context.chat.id } : context.channel?.id ? { chatId: context.channel.id } : {}),
    locale: context.app.locale || 'en-GB',
    frame: frameOf(context.page.frameContext),
    theme: themeOf(context.app.theme),
  };
  app.notifySuccess();
  return {
    kind: 'teams',
    context: hostContext,
    authorization: async (fresh = false) => `Bearer ${await authentication.getAuthToken(fresh ? { silent: true } : undefined)}`,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme))),
    canShareToStage: () =>
      new Promise((resolve) => {
        // Outside a meeting (a chat tab, a details tab) teams-js throws: nobody can share from there.
        try {
          meeting.getAppContentStageSharingCapabilities((error, result) => resolve(!error && Boolean(result?.doesAppHaveSharePermission)));
        } catch {
          resolve(false);
        }
      }),
    shareToStage: (url) =>
      new Promise((resolve, reject) => {
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? 'Teams would not share to the stage.')) : resolve()), url);
      }),
    saveTab: (contentUrl, name) => {
      pages.config.registerOnSaveHandler((save) => {
        pages.config
          .setConfig({ contentUrl, websiteUrl: contentUrl, entityId: 'action-log', suggestedDisplayName: name })
          .then(() => save.notifySuccess())
          .catch((error: Error) => save.notifyFailure(error.message));
      });
      pages.config.setValidityState(true);
    },
  };
}

function themeOf(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function frameOf(frame: string | undefined): PageFrame {
  return frame === 'sidePanel' || frame === 'meetingStage' || frame === 'settings' ? frame : 'content';
}

/** Whether the page runs inside a host frame (Teams) rather than as a page of its own. */
export function inHostFrame(): boolean {
  return window.parent !== window.self || Boolean(window.opener);
}
