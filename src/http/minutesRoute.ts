import type { Request, Response, Server } from 'restify';
import type { Clock } from '../domain/clock';
import { minutesToMarkdown } from '../domain/minutes/markdown';
import { minutesToDocx } from '../minutes/minutesDocx';
import { verifyMinutesLink } from '../minutes/minutesLink';
import type { Logger } from '../observability/logger';
import type { MinutesService } from '../services/minutesService';

/** What the minutes route needs. */
export interface MinutesRouteDeps {
  secret: string;
  clock: Clock;
  minutes: MinutesService;
  logger: Logger;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * `GET /minutes/:token`: the document a signed link names. The token is checked before anything is
 * read; the requester must still be a member of the chat. Anything wrong answers 403 with a short
 * reason and never the document.
 */
export function registerMinutesRoute(server: Server, deps: MinutesRouteDeps): void {
  // A wildcard, not `:token`: the router refuses route parameters over 100 characters, and a token is longer.
  server.get('/minutes/*', async (req: Request, res: Response) => {
    const check = verifyMinutesLink(String(req.params['*'] ?? ''), deps.secret, Date.parse(deps.clock.now()));
    if (check.kind === 'expired') return refuse(res, 'This minutes link has expired. Type /minutes in the meeting chat for a fresh one.');
    if (check.kind === 'invalid') return refuse(res, 'This is not a valid minutes link. Type /minutes in the meeting chat for one.');
    const { claims } = check;
    const key = { tenantId: claims.tenantId, conversationId: claims.conversationId };
    const found = await deps.minutes.forReader(key, claims.meetingId, claims.requesterId, deps.clock.now());
    if (found.kind === 'notMember') {
      deps.logger.warn({ conversation: claims.conversationId }, 'minutes link refused: requester is no longer a member');
      return refuse(res, "Minutes are only for members of the meeting's chat.");
    }
    if (found.kind === 'noMeeting') return refuse(res, 'That meeting is no longer kept.');
    const { minutes } = found;
    const name = `minutes-${minutes.date}`;
    const body = claims.format === 'docx' ? await minutesToDocx(minutes) : Buffer.from(minutesToMarkdown(minutes), 'utf8');
    res.writeHead(200, {
      'content-type': claims.format === 'docx' ? DOCX_TYPE : 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.${claims.format}"`,
      'content-length': body.length,
      // The link grants one person access: keep it out of shared caches and other sites' logs.
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  });
}

function refuse(res: Response, reason: string): void {
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${reason}\n`);
}
