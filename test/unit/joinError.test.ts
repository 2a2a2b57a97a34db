import { describe, expect, it } from 'vitest';
import { joinRefusal } from '../../client/src/ui/joinError';

describe('a refused join, read for the player', () => {
  it('splits the server code from its text and finds the seconds to wait', () => {
    expect(joinRefusal('JOINING_CLOSED: the facilitator has closed this class to new students; ask them to open it.')).toEqual({
      code: 'JOINING_CLOSED',
      seconds: null,
      text: 'the facilitator has closed this class to new students; ask them to open it.',
    });
    expect(joinRefusal('FLOOD_COOLDOWN: this seat was dropped for flooding; it may come back in 4 s.')).toMatchObject({ code: 'FLOOD_COOLDOWN', seconds: 4 });
    expect(joinRefusal('JOIN_RATE_LIMITED: too many joins from your address; try again in 12 s.')).toMatchObject({ code: 'JOIN_RATE_LIMITED', seconds: 12 });
    expect(joinRefusal('room "x" not found')).toEqual({ code: null, seconds: null, text: 'room "x" not found' });
  });
});
