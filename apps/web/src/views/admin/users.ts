import type { Role } from '@/api/types';
import type { UpdateUserBody, User } from './api';

export interface UserForm {
  username: string;
  password: string;
  displayName: string;
  role: Role | '';
  unit: string;
  email: string;
  phone: string;
  active: boolean;
}

export const emptyUserForm = (): UserForm => ({
  username: '',
  password: '',
  displayName: '',
  role: '',
  unit: '',
  email: '',
  phone: '',
  active: true,
});

export const userFormOf = (user: User): UserForm => ({
  username: user.username,
  password: '',
  displayName: user.displayName,
  role: user.role,
  unit: user.unit ?? '',
  email: user.email ?? '',
  phone: user.phone ?? '',
  active: user.active,
});

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * The PATCH body for what the admin changed, and nothing else: every change to a user ends their sessions, so an
 * untouched field is not sent. Empty contact fields and a cleared unit are sent as null (removed).
 */
export function userChanges(user: User, form: UserForm): UpdateUserBody {
  const changes: UpdateUserBody = {};
  if (form.displayName.trim() !== user.displayName) changes.displayName = form.displayName.trim();
  if (form.role && form.role !== user.role) changes.role = form.role;
  if (orNull(form.unit) !== user.unit) changes.unit = orNull(form.unit);
  if (orNull(form.email) !== user.email) changes.email = orNull(form.email);
  if (orNull(form.phone) !== user.phone) changes.phone = orNull(form.phone);
  if (form.active !== user.active) changes.active = form.active;
  return changes;
}

/** The POST /users body: optional fields left out when empty. */
export function newUserBody(form: UserForm) {
  return {
    username: form.username.trim(),
    password: form.password,
    displayName: form.displayName.trim(),
    role: form.role as Role,
    ...(form.unit ? { unit: form.unit } : {}),
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
  };
}
