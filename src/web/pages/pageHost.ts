/** The theme Teams is showing (or the development sign-in's `theme=` parameter). */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the page is shown in Teams, which decides its layout. */
export type PageFrame = 'content' | 'sidePanel' | 'meetingStage' | 'settings';

/** What the page knows about where it runs and who looks at it. */
export interface HostContext {
  /** The meeting chat (the meeting tab), or undefined for My actions. */
  chatId?: string;
  locale: string;
  frame: PageFrame;
  theme: HostTheme;
}

/**
 * The page's host: Teams (through teams-js) or, for a bot in local mode, the development sign-in in
 * a plain browser. The pages talk to this, never to teams-js directly, so they run in both.
 */
export interface PageHost {
  kind: 'teams' | 'dev';
  context: HostContext;
  /** The Authorization header for the tab API; `fresh` asks for a new token after a 401. */
  authorization(fresh?: boolean): Promise<string>;
  /** Calls `handler` when the user switches Teams' theme. */
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** Whether this person may put the app on the meeting stage (Teams asks the meeting). */
  canShareToStage(): Promise<boolean>;
  /** Puts `url` on the meeting stage for everyone in the meeting. */
  shareToStage(url: string): Promise<void>;
  /** The configuration page's save: tells Teams which page the tab shows. */
  saveTab?(contentUrl: string, name: string): void;
}
