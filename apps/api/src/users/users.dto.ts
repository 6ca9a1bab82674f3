import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, Role } from '@app/domain';
import { IsCode } from '../common/codes';
import { ActiveQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';

const PHONE = /^\+?[0-9][0-9 -]{4,30}$/;

/** Passwords: at least 10 characters and not the username (the service checks the second). */
export const PASSWORD = { minLength: 10, maxLength: 200, description: 'at least 10 characters, not the username' };

export class ContactDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'zhang@qxn.gov.cn', description: 'for e-mail notices' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+86 139 0859 0000', description: 'for SMS notices' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(PHONE, { message: 'phone must be a telephone number of digits, spaces and dashes, optionally +' })
  phone?: string | null;
}

export class CreateUserDto extends ContactDto {
  @ApiProperty({ example: 'xingren-handler2' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.@-]{1,64}$/, { message: 'username must be 1-64 characters of letters, digits, _ . @ -' })
  username: string;

  @ApiProperty(PASSWORD)
  @IsString()
  @MinLength(PASSWORD.minLength)
  @MaxLength(PASSWORD.maxLength)
  password: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ description: 'unit code; required for a handler' })
  @IsOptional()
  @IsCode()
  unit?: string;
}

export class UpdateUserDto extends ContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'unit code; required for a handler' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCode()
  unit?: string | null;

  @ApiPropertyOptional({ description: 'false retires the account: it cannot log in, and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProfileDto extends ContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
}

export class NewPasswordDto {
  @ApiProperty(PASSWORD)
  @IsString()
  @MinLength(PASSWORD.minLength)
  @MaxLength(PASSWORD.maxLength)
  newPassword: string;
}

export class ChangePasswordDto extends NewPasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const UserPageDto = PageOf(UserDto, 'UserPage');

/** GET /users: `?active=`, `?role=`, `?unit=` narrow the list (the admin console's filters). */
export class UserListQueryDto extends ActiveQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: "unit code: that unit's users" }) @IsOptional() @IsCode() unit?: string;
}
