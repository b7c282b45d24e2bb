import { Command } from '@nestjs/cqrs';

/** Ends the session of this refresh token (its whole family); unknown tokens change nothing. */
export class Logout extends Command<void> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
