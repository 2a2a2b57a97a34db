import { randomBytes, randomInt } from 'node:crypto';
import { auth, type AuthSettings, JWT } from '@colyseus/auth';
import { getBearerToken } from '@colyseus/core';
import type { Application, Request, Response } from 'express';
import { z } from 'zod';
import { type User, type UserStore, UserStoreError } from '../store/UserStore';

// Accounts through @colyseus/auth: its routes under /auth (anonymous, register, login, userdata),
// its scrypt password hashes and its JWTs; importing it also makes every room decode the token a
// client joins with (client.auth; a bad token is refused with AUTH_FAILED). What it lacks is
// written here: the users' rows (UserStore), upgrading an anonymous account in place, a small
// token, and a user's seats.

/** What a token carries: enough to recognize the account at a join without reading the database. */
export interface AccountClaims {
  id: string;
  name: string;
  anonymous: boolean;
}

const TOKEN_LIFETIME = '365d';
const SEATS_LISTED = 100;
const nameSchema = z.string().trim().min(1).max(64);
const claimsSchema = z.object({ id: z.string().min(1).max(64), name: z.string(), anonymous: z.boolean() });

/** The account a verified token (or client.auth) names, or null. */
export function accountOf(payload: unknown): AccountClaims | null {
  const parsed = claimsSchema.safeParse(payload);
  return parsed.success ? { id: parsed.data.id, name: parsed.data.name, anonymous: parsed.data.anonymous } : null;
}

const newUserId = (now: number) => `u${now.toString(36)}${randomBytes(6).toString('hex')}`;
const normalEmail = (email: string) => email.trim().toLowerCase();
const nameFrom = (options: unknown): string => {
  const parsed = nameSchema.safeParse((options as { name?: unknown } | undefined)?.name);
  return parsed.success ? parsed.data : `Player ${randomInt(1000, 10_000)}`;
};
const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, anonymous: u.anonymous });

/**
 * The JWT secret: JWT_SECRET when set, else one made once and kept in the database, so that a
 * restart (or another process on the same PostgreSQL) accepts the tokens already handed out.
 */
export async function useJwtSecret(users: UserStore, fromEnv: string | undefined): Promise<void> {
  JWT.settings.secret = fromEnv ?? (await users.secret('jwt', () => randomBytes(32).toString('base64url')));
}

/** @colyseus/auth's callbacks on this process's users. (Its settings are one per process, like the server.) */
export function authSettings(users: UserStore, now: () => number = Date.now): Partial<AuthSettings> {
  return {
    onFindUserByEmail: async (email) => {
      const user = await users.findByEmail(normalEmail(email));
      return user?.passwordHash ? { ...publicUser(user), password: user.passwordHash } : null;
    },
    // `password` arrives hashed by the module. With the token of an anonymous account, that account is saved (same id).
    onRegisterWithEmailAndPassword: async (email, password, options) => {
      const upgrading = accountOf(options.upgradingToken);
      try {
        if (upgrading?.anonymous) {
          try {
            return publicUser(await users.saveAnonymous(upgrading.id, normalEmail(email), password));
          } catch (e) {
            if (!(e instanceof UserStoreError && e.code === 'USER_NOT_FOUND')) throw e;
          }
        }
        return publicUser(await users.createWithEmail({ id: newUserId(now()), name: nameFrom(options), email: normalEmail(email), passwordHash: password, createdAt: now() }));
      } catch (e) {
        // The module answers 401 {error: message}: the same code as its own check.
        if (e instanceof UserStoreError && e.code === 'EMAIL_TAKEN') throw new Error('email_already_in_use');
        throw e;
      }
    },
    onRegisterAnonymously: async (options) => publicUser(await users.createAnonymous({ id: newUserId(now()), name: nameFrom(options), createdAt: now() })),
    onGenerateToken: async (user) => {
      const claims = accountOf(user);
      if (!claims) throw new Error('not_an_account');
      return JWT.sign(claims, { expiresIn: TOKEN_LIFETIME });
    },
    // /auth/userdata answers with the account as stored now (a saved one is no longer anonymous).
    onParseToken: async (token) => {
      const user = await users.findById(accountOf(token)?.id ?? '');
      if (!user) throw new Error('user_not_found');
      return publicUser(user);
    },
  };
}

/** The signed-in account of a request (Authorization: Bearer …), or null. */
export async function requestAccount(req: Request): Promise<AccountClaims | null> {
  const token = getBearerToken(req.headers.authorization ?? '');
  if (!token) return null;
  try {
    return accountOf(await JWT.verify(token));
  } catch {
    return null;
  }
}

/** /auth/* (the module's routes) and GET /api/account/matches (the seats the signed-in user took). */
export function mountAccounts(app: Application, users: UserStore): void {
  app.use(auth.routes(authSettings(users)));
  app.get('/api/account/matches', async (req: Request, res: Response) => {
    const account = await requestAccount(req);
    const user = account ? await users.findById(account.id) : null;
    if (!user) {
      res.status(401).json({ error: 'NOT_SIGNED_IN', message: 'Sign in (Authorization: Bearer <token from /auth>) to see your matches.' });
      return;
    }
    res.json({ user: publicUser(user), matches: await users.seatsOf(user.id, SEATS_LISTED) });
  });
}
