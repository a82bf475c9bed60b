import type { TurnContext } from 'botbuilder';
import type { MentionedPerson } from '../../domain/mentions';
import type { ExtensionAction, ExtensionContext, ExtensionSource } from '../turn';

/**
 * Reads a `composeExtension/fetchTask` or `composeExtension/submitAction` invoke (botbuilder's
 * `MessagingExtensionAction` in `activity.value`) into plain facts. The payload comes from the client,
 * so nothing is assumed about its shape: a field of the wrong type is read as absent, and a message
 * that cannot be read says so rather than failing the turn.
 */
export function readExtensionAction(context: TurnContext, step: ExtensionAction['step']): ExtensionAction {
  const value = asRecord(context.activity.value) ?? {};
  const commandContext = contextOf(value['commandContext']);
  const preview = readPreview(value);
  return {
    step,
    commandId: typeof value['commandId'] === 'string' ? value['commandId'] : '',
    context: commandContext,
    source: commandContext === 'message' ? readSource(value['messagePayload']) : { kind: 'none' },
    data: value['data'] ?? {},
    ...(preview ? { preview } : {}),
  };
}

/** Teams writes `commandbox` in lower case; the manifest's `commandBox`. */
function contextOf(raw: unknown): ExtensionContext {
  if (raw === 'message' || raw === 'compose') return raw;
  return raw === 'commandbox' || raw === 'commandBox' ? 'commandBox' : 'unknown';
}

/** Edit or Send pressed on a bot-message preview: the card Teams sends back (`botActivityPreview[0]`'s attachment). */
function readPreview(value: Record<string, unknown>): ExtensionAction['preview'] {
  const action = value['botMessagePreviewAction'];
  if (action !== 'edit' && action !== 'send') return undefined;
  const activities = value['botActivityPreview'];
  const activity = Array.isArray(activities) ? asRecord(activities[0]) : undefined;
  const attachments = activity?.['attachments'];
  const card = Array.isArray(attachments) ? asRecord(attachments[0])?.['content'] : undefined;
  return { action, card: card ?? {} };
}

/**
 * The message a message action was opened on (botbuilder's `MessageActionsPayload`): its HTML body,
 * the people it @mentions by Entra object id (apps, tags and channels are not people), and the chat
 * its link names.
 */
function readSource(raw: unknown): ExtensionSource {
  if (raw === undefined || raw === null) return { kind: 'missing' };
  const payload = asRecord(raw);
  const body = asRecord(payload?.['body']);
  const content = body?.['content'];
  if (!payload || typeof content !== 'string') return { kind: 'unreadable' };
  // A plain-text body is escaped so that reading it as HTML gives back exactly what was typed.
  const html = body?.['contentType'] === 'text' ? escapeHtml(content) : content;
  const conversationId = conversationOfLink(payload['linkToMessage']);
  return { kind: 'message', message: { html, mentions: readMentions(payload['mentions'], html) }, ...(conversationId ? { conversationId } : {}) };
}

function readMentions(raw: unknown, html: string): MentionedPerson[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry): MentionedPerson[] => {
    const mention = asRecord(entry);
    const user = asRecord(asRecord(mention?.['mentioned'])?.['user']);
    const id = user?.['id'];
    const name = user?.['displayName'] ?? mention?.['mentionText'];
    if (typeof id !== 'string' || id === '' || typeof name !== 'string') return [];
    // The body marks the mention `<at id="0">Name</at>`, numbered by the mention's id.
    const markup = typeof mention?.['id'] === 'number' || typeof mention?.['id'] === 'string' ? new RegExp(`<at id="${String(mention['id']).replace(/\D/g, '')}">[^<]*</at>`).exec(html)?.[0] : undefined;
    return [{ markup: markup ?? `<at>${escapeHtml(name)}</at>`, person: { id, name: name.trim() || 'Someone' } }];
  });
}

/** `https://teams.microsoft.com/l/message/<chat id>/<message id>…`: the chat id, where the link has one. */
function conversationOfLink(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const [kind, what, conversation] = new URL(raw).pathname.split('/').filter(Boolean);
    return kind === 'l' && what === 'message' && conversation ? decodeURIComponent(conversation) : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
