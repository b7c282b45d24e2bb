import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AUTH_CONFIG } from '../config/config.module';
import type { AuthConfig } from '../config/env';
import { JwtAuthGuard, RolesGuard } from './guards';
import { jwtKey } from './jwt-key';
import { JwtStrategy } from './jwt.strategy';

/** Token verification and the guards; identity issues tokens with the same `JwtService`. */
@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => ({
        secret: jwtKey(config),
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [JwtStrategy, JwtAuthGuard, RolesGuard],
  exports: [JwtModule, JwtAuthGuard, RolesGuard],
})
export class AuthCoreModule {}
