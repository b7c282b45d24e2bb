/** Port: one-way password hashing. The adapter owns the algorithm and its cost parameters. */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /**
   * True when `password` matches `hash`. With a null hash (unknown user, no password set) it
   * still spends the time of a real check and answers false, so timing does not tell callers
   * whether an account exists.
   */
  abstract verify(hash: string | null, password: string): Promise<boolean>;
}
