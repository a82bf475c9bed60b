import type { Response } from 'restify';

/** Why a POST to `/api/messages` is refused before the Teams room sees it: the status and a message safe to show. */
export interface RequestProblem {
  status: 400 | 415;
  error: string;
}

/** A field the bot reads from every activity, and the JSON type Teams sends it as. */
type FieldType = 'string' | 'boolean' | 'object' | 'array';

/** Optional top-level fields and their types: a wrong type would fail the turn deep inside the SDK. */
const OPTIONAL_FIELDS: Record<string, FieldType> = {
  id: 'string',
  channelId: 'string',
  timestamp: 'string',
  localTimestamp: 'string',
  locale: 'string',
  localTimezone: 'string',
  replyToId: 'string',
  name: 'string',
  action: 'string',
  textFormat: 'string',
  channelData: 'object',
  entities: 'array',
  membersAdded: 'array',
  membersRemoved: 'array',
};

/** Fields of `from`, `recipient` and `conversation` (and of members added or removed). */
const ACCOUNT_FIELDS: Record<string, FieldType> = { name: 'string', aadObjectId: 'string', role: 'string' };
const CONVERSATION_FIELDS: Record<string, FieldType> = { ...ACCOUNT_FIELDS, isGroup: 'boolean', tenantId: 'string', conversationType: 'string' };

/**
 * Checks a request to `/api/messages` before the Bot Framework adapter runs it: only JSON (a form
 * post from any web page needs no CORS preflight, so it must not be taken as an activity), and an
 * activity whose fields have the types Teams sends. What is wrong is named, never an internal error.
 * `text` is left alone: a message whose text is not a string is not a command, and is ignored.
 */
export function activityRequestProblem(contentType: string | undefined, body: unknown): RequestProblem | undefined {
  if (mediaType(contentType) !== 'application/json') return { status: 415, error: 'Send the activity as application/json.' };
  const problem = activityProblem(body);
  return problem ? { status: 400, error: problem } : undefined;
}

/**
 * Keeps internals out of a failed answer: the adapter answers an error it did not handle with the
 * error's own message (a stack of SDK detail, or the connector's address); this sends a fixed
 * sentence instead. The error itself is logged by the Teams room.
 */
export function withoutInternalErrors(res: Response): Response {
  const send = res.send.bind(res);
  const guarded = ((...args: unknown[]) => {
    const status = typeof args[0] === 'number' ? args[0] : res.statusCode;
    if (status >= 500) return send(status, { error: 'The bot could not handle this activity.' });
    return (send as (...rest: unknown[]) => unknown)(...args);
  }) as Response['send'];
  res.send = guarded;
  return res;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function activityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'body is not an activity';
  if (typeof body['type'] !== 'string' || body['type'] === '') return 'missing type';
  const serviceUrl = body['serviceUrl'];
  if (typeof serviceUrl !== 'string' || serviceUrl === '') return 'missing serviceUrl';
  if (!isHttpUrl(serviceUrl)) return 'serviceUrl is not an http(s) URL';
  for (const [field, type] of Object.entries(OPTIONAL_FIELDS)) {
    if (body[field] !== undefined && !hasType(body[field], type)) return `${field} is not ${article(type)}`;
  }
  for (const field of ['conversation', 'from', 'recipient']) {
    const problem = accountProblem(body[field], field, field === 'conversation' ? CONVERSATION_FIELDS : ACCOUNT_FIELDS);
    if (problem) return problem;
  }
  for (const field of ['membersAdded', 'membersRemoved']) {
    const members = (body[field] ?? []) as unknown[];
    const problem = members.map((member, index) => accountProblem(member, `${field}[${index}]`, ACCOUNT_FIELDS)).find(Boolean);
    if (problem) return problem;
  }
  const entities = (body['entities'] ?? []) as unknown[];
  if (entities.some((entity) => !isObject(entity) || typeof entity['type'] !== 'string')) return 'entities must be objects with a type';
  return channelDataProblem(body['channelData']);
}

function accountProblem(value: unknown, field: string, fields: Record<string, FieldType>): string | undefined {
  if (!isObject(value) || typeof value['id'] !== 'string' || value['id'] === '') return `missing ${field}.id`;
  for (const [name, type] of Object.entries(fields)) {
    if (value[name] !== undefined && value[name] !== null && !hasType(value[name], type)) return `${field}.${name} is not ${article(type)}`;
  }
  return undefined;
}

function channelDataProblem(channelData: unknown): string | undefined {
  if (channelData === undefined) return undefined;
  const data = channelData as Record<string, unknown>;
  for (const part of ['tenant', 'meeting', 'team', 'channel']) {
    const value = data[part];
    if (value === undefined) continue;
    if (!isObject(value) || (value['id'] !== undefined && typeof value['id'] !== 'string')) return `channelData.${part}.id is not a string`;
  }
  return undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  return typeof value === type;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function article(type: FieldType): string {
  return { string: 'a string', boolean: 'true or false', object: 'an object', array: 'a list' }[type];
}
