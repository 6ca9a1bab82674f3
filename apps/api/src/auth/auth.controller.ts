import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '@app/workflow';
import { Endpoint, ErrorDto } from '../common/endpoint';
import { CurrentActor } from './auth.decorators';
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
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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
  @Endpoint({ summary: 'Who am I', description: 'The signed-in user.', who: 'any', ok: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
