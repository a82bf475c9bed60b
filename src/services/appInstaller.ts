/**
 * Installs the bot's Teams app for a person (Microsoft Graph's proactive installation), after which
 * Teams lets the bot open a 1:1 chat with them. Implemented over Graph in src/graph/; absent when
 * Graph is not configured or the app's catalog id is unknown.
 */
export interface AppInstaller {
  /**
   * Installs the app in the person's personal scope: `installed`, or `alreadyInstalled` when it
   * was (Graph's 409). Throws `GraphRefused` (403: blocked by policy or permission missing) or
   * `GraphUnavailable`.
   */
  installForUser(tenantId: string, userId: string): Promise<'installed' | 'alreadyInstalled'>;
}
