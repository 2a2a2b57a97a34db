import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/replay/fold';
import { checkMatchFile, matchFile, MATCH_FILE_FORMAT } from '../../shared/replay/matchFile';
import { scriptedMatch } from '../support/scriptedMatch';

const log = scriptedMatch(3).log;
const final = fold(log);
const good = () => structuredClone(matchFile({ matchId: 'test-match', stateHash: 'x' }, log, final));

describe('match files (the JSON export the replay viewer loads)', () => {
  it('accepts an untouched export and gives back its final state and hash', () => {
    const check = checkMatchFile(good());
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.final.quarter).toBe(final.quarter);
    expect(good().format).toBe(MATCH_FILE_FORMAT);
    expect(good().scenario.id).toBe(final.scenario.id);
  });

  it('names what is wrong with a refused file', () => {
    expect(checkMatchFile(null)).toMatchObject({ ok: false, code: 'NOT_A_MATCH_FILE' });
    expect(checkMatchFile({ ...good(), format: 'other/1' })).toMatchObject({ ok: false, code: 'NOT_A_MATCH_FILE' });
    expect(checkMatchFile({ ...good(), redacted: true })).toMatchObject({ ok: false, code: 'REDACTED' });
    expect(checkMatchFile({ ...good(), events: [] })).toMatchObject({ ok: false, code: 'EMPTY_LOG' });
    const reordered = good();
    [reordered.events[4], reordered.events[5]] = [reordered.events[5]!, reordered.events[4]!];
    expect(checkMatchFile(reordered)).toMatchObject({ ok: false, code: 'HASH_CHAIN_BROKEN', seq: 6 });
    const truncated = good();
    truncated.events.pop();
    expect(checkMatchFile(truncated)).toMatchObject({ ok: false, code: 'FINAL_HASH_MISMATCH' });
  });
});
