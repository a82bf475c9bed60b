/** Who is asking the tab API, as their sign-in proved: a person in a tenant. */
export interface TabViewer {
  /** Entra tenant id (`tid`): every record the viewer reaches is keyed in this tenant. */
  tenantId: string;
  /** Entra object id (`oid`): the id Teams gives the bot as `aadObjectId`, so it matches chat members. */
  userId: string;
  /** Display name from the token, used when the person is not (yet) on a member list. */
  name: string;
}

/** Why a request carries no usable sign-in: answered 401 with this message. */
export class SignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRefused';
  }
}
