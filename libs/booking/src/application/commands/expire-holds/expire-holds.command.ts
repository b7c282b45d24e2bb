import { Command } from '@nestjs/cqrs';

/**
 * The periodic safety net: cancels every unpaid hold whose time has come, whatever happened to
 * its delayed job. Answers how many it expired. Safe to run twice or in parallel.
 */
export class ExpireHolds extends Command<number> {}
