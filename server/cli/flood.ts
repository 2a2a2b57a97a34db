import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { intArg, parseArgs, UsageError } from './args';

const USAGE = `usage: node --import tsx server/cli/flood.ts --url http://host:port [--seconds S] [--concurrency N] [--from ADDRESS]

Creates matches as fast as it can for S seconds (10): POST /api/matches with four hard bots
playing 60 quarters without a planning clock, N requests in flight at once (8), from the local
ADDRESS (e.g. 127.0.0.2, so the server tells it from other clients on the loopback). Prints one
JSON line: requests sent, answers by status, refusals by code, matches created.`;

/** The costliest match the API lets anyone make: bots only, 60 quarters, as fast as the server plays them. */
export const FLOOD_MATCH = {
  seats: 4,
  bots: (['robotaxi', 'robots', 'satellites', 'vertical'] as const).map((strategy) => ({ strategy, difficulty: 'hard' })),
  planningSeconds: 0,
  quarters: 60,
};

export interface FloodOptions {
  url: string;
  seconds: number;
  concurrency: number;
  from?: string;
}

export interface FloodReport {
  sent: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  created: string[];
  /** Retry-After values seen on 429s, in seconds. */
  retryAfter: number[];
  seconds: number;
}

export interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

/** POSTs JSON, from a chosen local address if given (fetch cannot choose one). */
export function postJson(url: string, body: string, from?: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', ...(agent ? { agent } : {}), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, ...(from ? { localAddress: from } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One script flooding match creation: `concurrency` loops, each posting again as soon as it has an answer. */
export async function flood(o: FloodOptions): Promise<FloodReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const body = JSON.stringify(FLOOD_MATCH);
  const report: FloodReport = { sent: 0, byStatus: {}, byCode: {}, created: [], retryAfter: [], seconds: o.seconds };
  const until = Date.now() + o.seconds * 1000;
  const loop = async () => {
    while (Date.now() < until) {
      report.sent += 1;
      let answer;
      try {
        answer = await postJson(`${o.url}/api/matches`, body, o.from, agent);
      } catch (e) {
        report.byStatus.error = (report.byStatus.error ?? 0) + 1;
        report.byCode[String((e as NodeJS.ErrnoException).code ?? e)] = (report.byCode[String((e as NodeJS.ErrnoException).code ?? e)] ?? 0) + 1;
        continue;
      }
      report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
      const json = JSON.parse(answer.text) as { matchId?: string; error?: string };
      if (answer.status === 201 && json.matchId) report.created.push(json.matchId);
      if (json.error) report.byCode[json.error] = (report.byCode[json.error] ?? 0) + 1;
      if (answer.status === 429 && answer.retryAfter !== undefined && report.retryAfter.length < 1000) report.retryAfter.push(Number(answer.retryAfter));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  agent.destroy();
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2), { url: 'value', seconds: 'value', concurrency: 'value', from: 'value' });
    const url = args.get('url');
    if (!url || !/^http:\/\/[^/]+$/.test(url)) throw new UsageError('--url must look like http://host:port');
    const from = args.get('from');
    const report = await flood({ url, seconds: intArg(args, 'seconds', 10, 1, 3600), concurrency: intArg(args, 'concurrency', 8, 1, 256), ...(from ? { from } : {}) });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`flood: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
}
