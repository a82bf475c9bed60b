/**
 * The ids of the message-extension commands the app manifest declares (`composeExtensions[].commands[].id`).
 * The route table registers under these and a test checks the manifest against them, so the two cannot drift.
 */
export const EXTENSION_COMMANDS = {
  /** "Create action": on a message's "…" menu, the compose box and the command box. */
  createAction: 'createAction',
} as const;

/** One of the message-extension command ids. */
export type ExtensionCommandId = (typeof EXTENSION_COMMANDS)[keyof typeof EXTENSION_COMMANDS];
