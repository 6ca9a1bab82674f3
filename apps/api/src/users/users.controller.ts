import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UsersService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { usernameParam } from '../common/codes';
import { CreateUserDto, NewPasswordDto, UpdateUserDto, UserDto, UserListQueryDto, UserPageDto } from './users.dto';

const ADMIN = ['admin' as const];

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Endpoint({
    summary: 'Create a user',
    description:
      '`unit` is required for a handler. Passwords: at least 10 characters, not the username. The answer never ' +
      'carries the password or its hash.',
    who: ADMIN,
    status: 201,
    ok: UserDto,
    errors: [400, 409],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'List users',
    description: 'Oldest first; `?active=false` lists the retired accounts, `?role=` and `?unit=` narrow it.',
    who: ADMIN,
    ok: UserPageDto,
    errors: [400],
  })
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query.limit, query.cursor, query.active, { role: query.role, unit: query.unit });
  }

  @Get(':username')
  @Endpoint({ summary: 'Get a user', who: ADMIN, ok: UserDto, errors: [400, 404] })
  get(@Param('username', usernameParam()) username: string) {
    return this.users.get(username);
  }

  @Patch(':username')
  @Endpoint({
    summary: 'Correct or retire a user',
    description:
      'Display name, role, unit, contact details, `active`. Any change ends the user’s sessions: tokens issued before ' +
      'it stop working at once (401), and an inactive user cannot log in. Recorded in the audit log.',
    who: ADMIN,
    ok: UserDto,
    errors: [400, 404, 409],
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('username', usernameParam()) username: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(actor, username, body);
  }

  @Post(':username/password')
  @Endpoint({
    summary: "Reset a user's password",
    description: 'The user’s earlier tokens stop working. Recorded in the audit log (without the password).',
    who: ADMIN,
    status: 204,
    errors: [400, 404],
  })
  async resetPassword(
    @CurrentActor() actor: Actor,
    @Param('username', usernameParam()) username: string,
    @Body() body: NewPasswordDto,
  ): Promise<void> {
    await this.users.resetPassword(actor, username, body.newPassword);
  }
}
