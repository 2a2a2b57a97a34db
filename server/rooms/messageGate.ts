import type { Client } from '@colyseus/core';
import { FLOODED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import { dataOf } from './clientData';
import type { SeatCooldowns } from './floodCooldown';
import { roomContext } from './roomContext';
import { MAX_MESSAGES_PER_SECOND, MAX_STRIKES, tell } from './wire';

/**
 * The door every message of a match room's clients comes through: one rate limit for all message
 * types (unknown ones too, or they would be a free flood), an answer to every refusal, and a drop
 * for a client that keeps flooding. Strikes belong to the seat (see SeatCooldowns).
 */
export class MessageGate {
  constructor(
    private readonly matchId: () => string,
    private readonly cooldowns: SeatCooldowns,
  ) {}

  /** Whether the client may send another message now; refuses it if not. */
  admitted(client: Client, id: string | number | null): boolean {
    const data = dataOf(client)!;
    if (data.limiter.allow(Date.now())) return true;
    this.refuse(client, id, 'RATE_LIMITED', `At most ${MAX_MESSAGES_PER_SECOND} messages a second.`);
    if (data.limiter.strikes > MAX_STRIKES) this.dropForFlooding(client);
    return false;
  }

  /** A message of a type the room does not have: counted, and answered. */
  unknown(client: Client, type: string | number): void {
    if (this.admitted(client, null)) this.refuse(client, null, 'UNKNOWN_MESSAGE', `There is no message "${String(type)}"; send "command".`);
  }

  refuse(client: Client, id: string | number | null, code: string, message: string): void {
    tell(client, 'rejected', { id, code, message });
  }

  /** The strike is the seat's: it waits before any of its tokens may join again. */
  private dropForFlooding(client: Client): void {
    const data = dataOf(client)!;
    if (data.flooded) return;
    data.flooded = true;
    if (data.role === 'player' && data.seat !== null) {
      const waitMs = this.cooldowns.drop(data.seat, Date.now());
      roomContext().log.warn('seat dropped for flooding', { matchId: this.matchId(), seat: data.seat, waitMs });
    }
    client.leave(FLOODED_CLOSE_CODE, 'RATE_LIMITED: too many messages');
  }
}
