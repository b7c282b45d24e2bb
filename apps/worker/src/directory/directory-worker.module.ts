import { DirectoryModule } from '@carebook/directory';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DirectoryRefreshScheduler } from './directory-refresh.scheduler';
import { DirectoryProcessor } from './directory.processor';
import { DIRECTORY_QUEUE } from './directory.queue';

/** The worker's side of the directory: its event projections, and the periodic refresh. */
@Module({
  imports: [DirectoryModule, BullModule.registerQueue({ name: DIRECTORY_QUEUE })],
  providers: [DirectoryProcessor, DirectoryRefreshScheduler],
})
export class DirectoryWorkerModule {}
