// How long a password must be: the server's check (src/server/auth/password.ts)
// and the hint every "new password" field shows read it from here.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
