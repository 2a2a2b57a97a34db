import { configFromEnv, jsonLogger } from './config';
import { startServer } from './index';

// `npm start`: serve until Ctrl-C, then flush every room and close the store.
const config = configFromEnv();
const log = jsonLogger(config.logLevel);
const server = await startServer(config, log);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  });
}
