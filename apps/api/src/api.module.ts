import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { PersistenceModule } from '@app/persistence';
import { AppConfig, loggerParams, PlatformModule } from '@app/platform';
import { WorkflowModule } from '@app/workflow';
import { AuthController } from './auth/auth.controller';
import { JwtAuthGuard, RolesGuard, UserThrottlerGuard } from './auth/auth.guards';
import { AccessCache } from './auth/access-cache';
import { AuthService } from './auth/auth.service';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { ApiRedisModule, SharedThrottlerStorage } from './common/redis.provider';
import { ExtensionRequestsController } from './issues/extension-requests.controller';
import { IssuesController } from './issues/issues.controller';
import { AppInfoController } from './operations/app-info.controller';
import { HealthController } from './operations/health.controller';
import { HttpMetricsMiddleware, MetricsController, MetricsRegistry } from './operations/metrics';
import { CalendarController } from './reference/calendar.controller';
import { CategoriesController } from './reference/categories.controller';
import { DeadlinePoliciesController } from './reference/deadline-policies.controller';
import { RegionsController } from './reference/regions.controller';
import { RoutingRulesController } from './reference/routing-rules.controller';
import { UnitsController } from './reference/units.controller';
import { UsersController } from './users/users.controller';
import { AssessmentController } from './assessment/assessment.controller';
import { ReportsController } from './assessment/reports.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { webAppModules } from './web/web-app';
import { StreamController } from './stream/stream.controller';
import { AttachmentsController } from './attachments/attachments.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { StreamHub } from './stream/stream.hub';
import { NotificationDeliveriesController } from './notifications/notification-deliveries.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OversightController } from './oversight/oversight.controller';
import { BulletinsController } from './bulletins/bulletins.controller';

@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        LoggerModule.forRoot(
          loggerParams(config, {
            autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
            redact: ['req.headers.authorization'],
          }),
        ),
        PersistenceModule,
        WorkflowModule,
        JwtModule.register({
          // A KeyObject, not a string: jsonwebtoken otherwise tries the string as a public key on every request.
          secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
          signOptions: { expiresIn: config.jwtExpiresInSeconds },
        }),
        ApiRedisModule,
        // One budget per user across every API process: counted in Redis.
        ThrottlerModule.forRootAsync({
          imports: [ApiRedisModule],
          inject: [SharedThrottlerStorage],
          useFactory: (storage: SharedThrottlerStorage) => ({
            throttlers: [{ name: 'per-user', ttl: 1000, limit: config.rateLimitPerSecond }],
            storage,
          }),
        }),
        ...webAppModules(),
      ],
      controllers: [
        AuthController,
        UsersController,
        RegionsController,
        UnitsController,
        CategoriesController,
        RoutingRulesController,
        DeadlinePoliciesController,
        CalendarController,
        IssuesController,
        ExtensionRequestsController,
        NotificationsController,
        NotificationDeliveriesController,
        OversightController,
        AssessmentController,
        ReportsController,
        BulletinsController,
        WebhooksController,
        HealthController,
        MetricsController,
        AppInfoController,
        StreamController,
        AttachmentsController,
        AuditLogController,
      ],
      providers: [
        AuthService,
        AccessCache,
        StreamHub,
        AdminBootstrap,
        MetricsRegistry,
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        // Order matters: who you are, then your request budget, then what your role may do.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: UserThrottlerGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
