import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_LIMITS, limitsEnv, NO_LIMITS } from '../../server/config';

describe('server configuration from the environment', () => {
  it('defaults to one process on SQLite, with no shared services', () => {
    const config = configFromEnv({ DATA_DIR: '/tmp/cl-data' });
    expect(config).toEqual({
      port: 2567,
      dataDir: '/tmp/cl-data',
      logLevel: 'info',
      leaseSeconds: 15,
      waitingExpirySeconds: 24 * 3600,
      finishedUnloadSeconds: 60,
      limits: DEFAULT_LIMITS,
      quickMatch: { waitSeconds: 30 },
    });
  });

  it('reads how long quick match waits before bots complete a table, and refuses nonsense', () => {
    expect(configFromEnv({ QUEUE_WAIT_SECONDS: '5' }).quickMatch).toEqual({ waitSeconds: 5 });
    for (const bad of ['0', '1.5', 'soon', '601']) expect(() => configFromEnv({ QUEUE_WAIT_SECONDS: bad })).toThrow(/^QUEUE_WAIT_SECONDS must be a whole number/);
  });

  it('reads the abuse limits (0: off) and how long an ended match stays loaded, and refuses nonsense', () => {
    expect(DEFAULT_LIMITS).toEqual({ createPerMinute: 10, createBurst: 10, joinPerMinute: 60, joinBurst: 60, openPerIp: 5, openPerProcess: 200, trustProxyHops: 0, refusalDelayMs: 1000 });
    expect(configFromEnv({ CREATE_RATE_PER_MINUTE: '3', OPEN_MATCHES_PER_IP: '0', TRUST_PROXY_HOPS: '1' }).limits).toEqual({ ...DEFAULT_LIMITS, createPerMinute: 3, openPerIp: 0, trustProxyHops: 1 });
    expect(configFromEnv(limitsEnv(NO_LIMITS)).limits).toEqual(NO_LIMITS);
    expect(configFromEnv({ FINISHED_UNLOAD_SECONDS: '5' }).finishedUnloadSeconds).toBe(5);
    for (const bad of ['-1', 'lots', '1.5']) expect(() => configFromEnv({ JOIN_BURST: bad })).toThrow(/^JOIN_BURST must be a whole number/);
    expect(() => configFromEnv({ FINISHED_UNLOAD_SECONDS: 'soon' })).toThrow(/^FINISHED_UNLOAD_SECONDS/);
  });

  it('reads how long a waiting match may wait, and refuses nonsense', () => {
    expect(configFromEnv({ WAITING_EXPIRY_HOURS: '0.5' }).waitingExpirySeconds).toBe(1800);
    expect(configFromEnv({ WAITING_EXPIRY_HOURS: '0' }).waitingExpirySeconds).toBe(0);
    for (const bad of ['-1', 'soon', '9000']) expect(() => configFromEnv({ WAITING_EXPIRY_HOURS: bad })).toThrow(/WAITING_EXPIRY_HOURS/);
  });

  it("reads the secret that signs the accounts' tokens, and refuses a short one", () => {
    const secret = 'x'.repeat(32);
    expect(configFromEnv({ JWT_SECRET: ` ${secret} ` }).jwtSecret).toBe(secret);
    expect(configFromEnv({ JWT_SECRET: '' })).not.toHaveProperty('jwtSecret');
    expect(() => configFromEnv({ JWT_SECRET: 'short' })).toThrow(/^JWT_SECRET must be at least 32 characters/);
  });

  it('reads the scale-out settings', () => {
    const config = configFromEnv({
      PORT: '3001',
      DATA_DIR: '/tmp/cl-data',
      DATABASE_URL: 'postgres://game:secret@db.internal:5432/closedloop',
      REDIS_URL: 'redis://cache.internal:6379',
      PUBLIC_ADDRESS: 'game.example.org:3001',
      LEASE_SECONDS: '30',
    });
    expect(config).toMatchObject({
      port: 3001,
      databaseUrl: 'postgres://game:secret@db.internal:5432/closedloop',
      redisUrl: 'redis://cache.internal:6379',
      publicAddress: 'game.example.org:3001',
      leaseSeconds: 30,
    });
    expect(configFromEnv({ PUBLIC_ADDRESS: '[::1]:2567' }).publicAddress).toBe('[::1]:2567');
    expect(configFromEnv({ PUBLIC_ADDRESS: 'example.org/game/2' }).publicAddress).toBe('example.org/game/2');
    expect(configFromEnv({ DATABASE_URL: '  ', REDIS_URL: '' })).not.toHaveProperty('databaseUrl');
  });

  it('stops with a message naming the variable when a setting is wrong', () => {
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x/y' })).toThrow(/^DATABASE_URL must be a postgres:\/\/… or postgresql:\/\/… URL/);
    expect(() => configFromEnv({ DATABASE_URL: 'closedloop' })).toThrow(/^DATABASE_URL/);
    expect(() => configFromEnv({ REDIS_URL: 'http://cache:6379' })).toThrow(/^REDIS_URL must be a redis:\/\/… or rediss:\/\/… URL/);
    expect(() => configFromEnv({ PUBLIC_ADDRESS: 'game.example.org:port' })).toThrow(/^PUBLIC_ADDRESS must be host:port/);
    expect(() => configFromEnv({ PUBLIC_ADDRESS: 'ws://game.example.org' })).toThrow(/^PUBLIC_ADDRESS/);
    expect(() => configFromEnv({ LEASE_SECONDS: '1' })).toThrow(/^LEASE_SECONDS must be a whole number from 2 to 600/);
    expect(() => configFromEnv({ LEASE_SECONDS: '2.5' })).toThrow(/^LEASE_SECONDS/);
    expect(() => configFromEnv({ PORT: '70000' })).toThrow(/^PORT/);
  });
});
