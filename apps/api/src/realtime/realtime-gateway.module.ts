import { Module } from '@nestjs/common';
import { NotificationsGateway } from './notifications.gateway';
import { SocketAuthenticator } from './socket-authenticator';

/**
 * The API's half of realtime: the `/notifications` gateway. It needs the app to run on
 * `RealtimeIoAdapter` (@carebook/realtime) so pushes published by the worker reach its sockets.
 */
@Module({ providers: [NotificationsGateway, SocketAuthenticator] })
export class RealtimeGatewayModule {}
