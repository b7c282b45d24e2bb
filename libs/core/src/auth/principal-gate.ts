import type { AccessTokenClaims, Actor } from './actor';

/**
 * Decides, on every authenticated request, whether a verified access token still stands and
 * who it stands for now: the session may have been logged out, the user deactivated or moved to
 * another role. Identity implements it against the database; without it tokens stand on their
 * signature alone.
 */
export abstract class PrincipalGate {
  /** The current actor for these claims, or undefined when the token must be refused. */
  abstract resolve(claims: AccessTokenClaims): Promise<Actor | undefined>;
}
