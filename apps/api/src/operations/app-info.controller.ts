import { Controller, Get, Inject } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { ROLES, Role } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { UsersService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { projectFile } from '../web/web-app';

class DemoAccountDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
}

export class AppInfoDto {
  @ApiProperty({ example: 'Asia/Shanghai', description: 'where working days begin and end; times show in it' })
  timeZone: string;
  @ApiProperty({ description: 'a demonstration database: the login page may list its accounts' }) demo: boolean;
  @ApiProperty({ type: [DemoAccountDto] }) demoAccounts: DemoAccountDto[];
  @ApiPropertyOptional({ description: 'the demo accounts’ password, on a demo database only' }) demoPassword?: string;
  @ApiProperty({ example: '0.1.0' }) version: string;
}

const VERSION = (() => {
  const file = projectFile('package.json');
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
})();

@ApiTags('operations')
@Controller('app-info')
export class AppInfoController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'What the web app needs before anyone logs in',
    description: 'The time zone and, on a demo database (`npm start` on the embedded one), its accounts to try.',
    who: 'public',
    ok: AppInfoDto,
  })
  async info(): Promise<AppInfoDto> {
    const demo = this.config.demoPassword !== null;
    return {
      timeZone: this.config.timeZone,
      demo,
      demoAccounts: demo ? await this.users.demoAccounts() : [],
      ...(demo ? { demoPassword: this.config.demoPassword as string } : {}),
      version: VERSION,
    };
  }
}
