import { MINUTES_LINK_LIFETIME_MS, signMinutesLink, type MinutesFormat, type MinutesLinkClaims } from './minutesLink';

/** Hands out signed links to minutes, at the bot's public address. */
export class MinutesLinks {
  /** `baseUrl` is read per link: in local mode the server's port is only known once it listens. */
  constructor(
    readonly secret: string,
    private readonly baseUrl: () => string,
  ) {}

  /** A link to one format of a meeting's minutes for one requester, valid for an hour from `now`. */
  urlFor(claims: Omit<MinutesLinkClaims, 'expiresAt' | 'format'>, format: MinutesFormat, now: string): string {
    const token = signMinutesLink({ ...claims, format, expiresAt: Date.parse(now) + MINUTES_LINK_LIFETIME_MS }, this.secret);
    return `${this.baseUrl()}/minutes/${token}`;
  }
}
