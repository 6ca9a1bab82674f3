import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { UsersService } from '@app/workflow';

/** The first admin comes from ADMIN_USERNAME / ADMIN_PASSWORD when none exists. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.users.ensureAdmin(this.config.adminUsername, this.config.adminPassword);
  }
}
