import { Clock } from '@carebook/core';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectClinician } from '../project-clinician/project-clinician.command';
import { RefreshDirectory } from './refresh-directory.command';

@CommandHandler(RefreshDirectory)
export class RefreshDirectoryHandler implements ICommandHandler<RefreshDirectory> {
  constructor(
    private readonly db: DataSource,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async execute({ olderThanHours, limit }: RefreshDirectory): Promise<number> {
    const before = new Date(this.clock.now().getTime() - olderThanHours * 3600_000);
    const rows: Array<{ clinician_id: string }> = await this.db.query(
      `SELECT clinician_id FROM directory_clinicians WHERE projected_at < $1 ORDER BY projected_at LIMIT $2`,
      [before, limit],
    );
    for (const row of rows) await this.commands.execute(new ProjectClinician(row.clinician_id));
    return rows.length;
  }
}
