/**
 * How a Microsoft Graph port says it could not do what was asked. The Graph adapter (src/graph/)
 * throws these, so services decide what to do without knowing the SDK's errors.
 */

/**
 * Graph answered that the app may not do this, or that what it names does not exist (403: a
 * permission not granted or a policy that blocks it; 404; other 4xx): asking again soon will not help.
 */
export class GraphRefused extends Error {
  constructor(
    readonly status: number,
    message = `Microsoft Graph refused the request (${status})`,
  ) {
    super(message);
    this.name = 'GraphRefused';
  }
}

/**
 * Graph could not be reached or kept failing: throttled or unavailable beyond the wait the bot
 * allows, a timeout, or no token to be had. Another way, or a later try, may work.
 */
export class GraphUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphUnavailable';
  }
}
