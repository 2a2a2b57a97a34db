import { Client, ErrorCode } from '@colyseus/sdk';

// The player's account through @colyseus/sdk's client.auth (its token kept in localStorage under
// the SDK's own key): anonymous on the first visit, saved later with an email and a password. The
// same SDK client joins the rooms, so every join carries the token.

export interface Account {
  id: string;
  name: string;
  email: string | null;
  anonymous: boolean;
}

let shared: Client | null = null;
/** The account being opened, while it is. */
let opening: Promise<Account> | null = null;

/** The one SDK client of this page (its auth token goes with every join). */
export function sdkClient(): Client {
  shared ??= new Client(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`);
  return shared;
}

/** An error's code from the auth routes (invalid_credentials, email_already_in_use, …), or null. */
export function authErrorCode(e: unknown): string | null {
  const text = e instanceof Error ? e.message : String(e);
  return /\b(invalid_credentials|email_already_in_use|email_malformed|password_too_short)\b/.exec(text)?.[1] ?? null;
}

/**
 * The account kept in this browser, checked with the server; a new anonymous one when there is
 * none or the server no longer knows it (its token was signed by another secret, or the data was reset).
 */
export function currentAccount(name?: string): Promise<Account> {
  // Asked twice at once (the account card, and Play now clicked at once), one guest account is made.
  opening ??= openAccount(name).finally(() => (opening = null));
  return opening;
}

async function openAccount(name?: string): Promise<Account> {
  const auth = sdkClient().auth;
  if (auth.token) {
    try {
      return (await auth.getUserData<Account>()).user;
    } catch {
      await auth.signOut();
    }
  }
  return (await auth.signInAnonymously<Account>(name ? { name } : undefined)).user;
}

/** Saves this browser's anonymous account with an email and a password (same account, same seats). */
export async function saveAccount(email: string, password: string): Promise<Account> {
  return (await sdkClient().auth.registerWithEmailAndPassword<Account>(email, password)).user;
}

/** Signs this browser out of its saved account; a new guest account takes its place (the saved one signs in again by email). */
export async function signOut(name?: string): Promise<Account> {
  await sdkClient().auth.signOut();
  return currentAccount(name);
}

/** Signs this browser in to a saved account (made in another browser). */
export async function signIn(email: string, password: string): Promise<Account> {
  return (await sdkClient().auth.signInWithEmailAndPassword<Account>(email, password)).user;
}

/**
 * A join with this browser's token; if the server refuses the token itself (signed with another
 * secret, or expired), the join is tried once more without it, and the lobby makes a new guest account.
 */
export async function joinWithAccount<T>(join: () => Promise<T>): Promise<T> {
  try {
    return await join();
  } catch (e) {
    if ((e as { code?: unknown }).code !== ErrorCode.AUTH_FAILED || !sdkClient().auth.token) throw e;
    await sdkClient().auth.signOut();
    return join();
  }
}
