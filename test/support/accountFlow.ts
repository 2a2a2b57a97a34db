import { Client } from '@colyseus/sdk';
import { expect } from 'vitest';
import { jsonLogger, type ServerConfig } from '../../server/config';
import { startServer } from '../../server/index';

/** An SDK client with no account yet (without a browser the SDK keeps one token for the whole process). */
export function accountClient(port: number): Client {
  const sdk = new Client(`http://127.0.0.1:${port}`);
  sdk.auth.token = undefined as unknown as string;
  return sdk;
}

/**
 * On a server started with `config` (and again after a restart): a guest account, saved under the
 * same id, signed in to by email; its token still works after the restart (the secret is kept).
 */
export async function accountsSurviveRestart(config: Omit<ServerConfig, 'port' | 'logLevel'>): Promise<void> {
  const quiet = jsonLogger('error', () => undefined);
  const first = await startServer({ ...config, port: 0, logLevel: 'error' }, quiet);
  let token: string;
  let id: string;
  try {
    const sdk = accountClient(first.port);
    const guest = await sdk.auth.signInAnonymously({ name: 'Flo' });
    id = guest.user.id;
    const saved = await sdk.auth.registerWithEmailAndPassword('flo@example.org', 'flo password');
    expect(saved.user).toMatchObject({ id, anonymous: false, email: 'flo@example.org' });
    token = saved.token;
  } finally {
    await first.close();
  }
  const second = await startServer({ ...config, port: 0, logLevel: 'error' }, quiet);
  try {
    const again = accountClient(second.port);
    again.auth.token = token;
    expect((await again.auth.getUserData()).user).toMatchObject({ id, name: 'Flo', anonymous: false });
    expect((await accountClient(second.port).auth.signInWithEmailAndPassword('flo@example.org', 'flo password')).user.id).toBe(id);
  } finally {
    await second.close();
  }
}
