import type { Client } from '@colyseus/core';
import { REVOKED_CLOSE_CODE } from '../../shared/domain/closeCodes';
import type { MatchHost } from '../match/MatchHost';
import { dataOf, type ClientData } from './clientData';
import type { MessageGate } from './messageGate';
import { roomContext } from './roomContext';
import type { RoomSeats } from './roomSeats';
import { isTeamSeat } from './teams';
import { moveMemberSchema, revokeMemberSchema, tell } from './wire';

/** What the facilitator's team messages need of their room. */
export interface TeamDeskRoom {
  readonly roomId: string;
  readonly clients: Iterable<Client>;
  readonly host: MatchHost;
  readonly gate: MessageGate;
  readonly seats: RoomSeats;
  /** Whether the players' view of the match is over (books open, views keep every row). */
  ended(): boolean;
  /** Projects the state again (someone moved). */
  refresh(): void;
}

/**
 * The facilitator's messages about one student of a classroom: move them into another seat's team
 * (their view and token follow), or take their credential back (they leave; the team keeps the seat).
 */
export class TeamDesk {
  constructor(private readonly room: TeamDeskRoom) {}

  async move(client: Client, message: unknown): Promise<void> {
    const asked = this.memberMessage(client, message, moveMemberSchema, 'move students between teams', '{id?, memberId, seat}');
    if (!asked) return;
    const { id, member, md } = asked;
    const seat = asked.data.seat;
    const { host, gate, seats } = this.room;
    if (!isTeamSeat(host.current.seats, seat)) return gate.refuse(client, id, 'NOT_A_TEAM', `Seat ${seat} is not played by students.`);
    // A credential of their own for the new seat (a fresh token each time, so a newcomer never
    // holds what another member holds); the old seat's token is forgotten.
    const { registry } = roomContext();
    const token = await registry.issueSeatToken(this.room.roomId, seat);
    if (md.heldToken) await registry.revokeSeatToken(this.room.roomId, md.heldToken);
    md.heldToken = token;
    seats.move(member, seat, this.room.ended());
    tell(member, 'seat', { role: 'player', seat, token });
    tell(client, 'ack', { id, seq: host.version });
    this.room.refresh();
  }

  async revoke(client: Client, message: unknown): Promise<void> {
    const asked = this.memberMessage(client, message, revokeMemberSchema, 'remove students', '{id?, memberId}');
    if (!asked) return;
    const { id, member, md } = asked;
    if (md.heldToken) await roomContext().registry.revokeSeatToken(this.room.roomId, md.heldToken);
    md.revoked = true;
    member.leave(REVOKED_CLOSE_CODE, 'REVOKED: the facilitator removed you from this class.');
    tell(client, 'ack', { id, seq: this.room.host.version });
  }

  /**
   * A facilitator's message about one student: admitted, from the facilitator, well formed, and
   * naming a student in the room; else refused and null.
   */
  private memberMessage<T extends { id?: string | number | undefined; memberId: string }>(
    client: Client,
    message: unknown,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    what: string,
    shape: string,
  ): { id: string | number | null; data: T; member: Client; md: ClientData } | null {
    const { gate } = this.room;
    const parsed = schema.safeParse(message);
    const id = parsed.success ? (parsed.data.id ?? null) : null;
    if (!gate.admitted(client, id)) return null;
    const refused = (code: string, text: string) => {
      gate.refuse(client, id, code, text);
      return null;
    };
    if (dataOf(client)!.role !== 'facilitator') return refused('NOT_ALLOWED', `Only the facilitator can ${what}.`);
    if (!parsed.success) return refused('MALFORMED_COMMAND', `Send ${shape}.`);
    const member = [...this.room.clients].find((c) => c.sessionId === parsed.data.memberId && dataOf(c)?.role === 'player');
    if (!member) return refused('UNKNOWN_MEMBER', `No student ${parsed.data.memberId} is in this match.`);
    return { id, data: parsed.data, member, md: dataOf(member)! };
  }
}
