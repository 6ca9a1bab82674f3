import { api, call } from '@/api/client';

/** POST /auth/password → 204; a wrong currentPassword is a 400 naming it. Earlier tokens stop working. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await call(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
}
