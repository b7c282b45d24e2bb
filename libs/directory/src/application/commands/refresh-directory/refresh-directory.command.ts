import { Command } from '@nestjs/cqrs';

/**
 * Re-projects the rows projected longest ago (older than `olderThanHours`), at most `limit`:
 * time moves the 16-day slot window forward even when nothing happens to a clinician.
 * Answers how many rows it refreshed.
 */
export class RefreshDirectory extends Command<number> {
  constructor(
    readonly olderThanHours = 6,
    readonly limit = 200,
  ) {
    super();
  }
}
