import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@app/domain';
import { Page, UsersService, UserView } from '@app/workflow';
import { IsCode } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'xingren-handler2' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.@-]{1,64}$/, { message: 'username must be 1-64 characters of letters, digits, _ . @ -' })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'unit code; required for a handler' })
  @IsOptional()
  @IsCode()
  unit?: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty() createdAt: string;
}

export const UserPageDto = PageOf(UserDto, 'UserPage');

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Endpoint({
    summary: 'Create a user',
    description: '`unit` is required for a handler. The answer never carries the password or its hash.',
    who: ['admin'],
    status: 201,
    ok: UserDto,
    errors: [400, 409],
  })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Get()
  @Endpoint({ summary: 'List users', description: 'Oldest first.', who: ['admin'], ok: UserPageDto, errors: [400] })
  list(@Query() query: ListQueryDto): Promise<Page<UserView>> {
    return this.users.list(query.limit, query.cursor);
  }
}
