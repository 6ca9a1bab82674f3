import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UsersService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { Endpoint, ErrorDto } from '../common/endpoint';
import { CurrentActor } from './auth.decorators';
import { ChangePasswordDto, UpdateProfileDto } from '../users/users.dto';
import { AuthService } from './auth.service';

export class LoginDto {
  @ApiProperty({ example: 'supervisor' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class TokenDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
}

export class MeDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'handler', 'inspector'] }) role: string;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ nullable: true, type: String, example: '兴仁市人民政府' }) unitName: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Endpoint({
    summary: 'Log in',
    description:
      'Answers a bearer token for `Authorization: Bearer <token>`. A wrong username or password is a 401; too many ' +
      'failed logins for one username in a window is a 429.',
    who: 'public',
    ok: TokenDto,
    errors: [400],
  })
  @ApiResponse({ status: 401, description: 'bad credentials', type: ErrorDto })
  @ApiResponse({ status: 429, description: 'too many failed logins for this username', type: ErrorDto })
  login(@Body() body: LoginDto): Promise<TokenDto> {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @Endpoint({ summary: 'Who am I', description: 'The signed-in user, with their unit’s name.', who: 'any', ok: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Patch('me')
  @ApiBearerAuth()
  @Endpoint({
    summary: 'Change my name or contact details',
    description: 'Display name, `email` and `phone` (where notices reach you). The session goes on.',
    who: 'any',
    ok: MeDto,
    errors: [400],
  })
  async updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto): Promise<MeDto> {
    await this.users.updateOwnProfile(actor, body);
    return this.auth.me(actor);
  }

  @Post('password')
  @ApiBearerAuth()
  @Endpoint({
    summary: 'Change my password',
    description:
      'Given the current one. The new one: at least 10 characters, not the username. Every token issued before, ' +
      'this one included, stops working: log in again.',
    who: 'any',
    status: 204,
    errors: [400],
  })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.users.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }
}
