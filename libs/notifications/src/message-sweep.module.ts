import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { RequeueStrandedMessagesHandler } from './application/commands/requeue-stranded-messages/requeue-stranded-messages.handler';
import { DeliveryQueue } from './application/ports/delivery-queue';
import { NotificationsModule } from './notifications.module';

const commandHandlers = [RequeueStrandedMessagesHandler];

/**
 * The sweep that gives stranded messages their `deliver` job back (RequeueStrandedMessages),
 * for the process that owns the delivery queue (the worker): it names the DeliveryQueue adapter
 * and the modules that adapter needs (its BullMQ queue). The API does not import it.
 */
@Module({})
export class MessageSweepModule {
  static register(options: {
    deliveryQueue: Type<DeliveryQueue>;
    imports?: ModuleMetadata['imports'];
  }): DynamicModule {
    return {
      module: MessageSweepModule,
      imports: [NotificationsModule, ...(options.imports ?? [])],
      providers: [...commandHandlers, { provide: DeliveryQueue, useClass: options.deliveryQueue }],
    };
  }
}
