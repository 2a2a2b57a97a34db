import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SchemaType, ToJSON } from '@colyseus/schema';
import type { z } from 'zod';
import { createSchema } from '../../server/http/api';
import { forkSchema } from '../../server/http/forkRoute';
import { sessionSchema } from '../../server/http/sessions';
import { commandMessageSchema, joinOptionsSchema, moveMemberSchema, readySchema, revokeMemberSchema, saySchema } from '../../server/rooms/wire';
import type { CreateMatchRequest, ForkRequest, SessionRequest } from '../../shared/wire/http';
import { type ClientMessages, type JoinOptions, MSG, ROOMS, type ServerMessages } from '../../shared/wire/messages';
import type { Orders } from '../../shared/domain/orders';
import type { PlayerState } from '../../shared/domain/state';
import type { PublicReport, SeatReport } from '../../shared/views/quarterReport';
import { type BooksState, type Loose, type OrdersState, PublicReportState, type SeatReportState } from '../../shared/wire/state';

/** What a client decodes from a schema class, as plain data. */
type Decoded<C extends { '~type': unknown }> = ToJSON<SchemaType<C>>;
type Books = Pick<PlayerState, 'tech' | 'chips' | 'robotaxi' | 'robots' | 'satellites' | 'flows' | 'loops'>;

// The server checks what clients send with zod schemas; the client types what it sends from
// shared/wire. These assertions are checked by the type checker (npm test runs it first): a schema
// and its shared type that drift apart fail the build.

describe('the wire between client and server', () => {
  it('the room state carries the engine’s reports, sheet and books field for field (unset where the engine has null)', () => {
    // Every field a screen reads from the engine's type is there, with the same type.
    expectTypeOf<Decoded<typeof PublicReportState>>().toMatchTypeOf<Loose<PublicReport>>();
    expectTypeOf<Decoded<typeof SeatReportState>>().toMatchTypeOf<Loose<SeatReport>>();
    expectTypeOf<Decoded<typeof OrdersState>>().toMatchTypeOf<Orders>();
    expectTypeOf<Decoded<typeof BooksState>>().toMatchTypeOf<Loose<Books>>();
    // ...and nothing the engine does not have (a report also says which quarter it is of).
    expectTypeOf<keyof Decoded<typeof PublicReportState>>().toEqualTypeOf<keyof PublicReport>();
    expectTypeOf<keyof Decoded<typeof SeatReportState>>().toEqualTypeOf<keyof SeatReport | 'quarter'>();
    expectTypeOf<keyof Decoded<typeof OrdersState>>().toEqualTypeOf<keyof Orders>();
    expectTypeOf<keyof Decoded<typeof BooksState>>().toEqualTypeOf<keyof Books>();
    // The engine's own values are what the screens take too (a replay draws from them).
    expectTypeOf<PublicReport>().toMatchTypeOf<Loose<PublicReport>>();
    expectTypeOf<SeatReport>().toMatchTypeOf<Loose<SeatReport>>();
    expect(new PublicReportState().toJSON()).toMatchObject({ quarter: 0, news: [], valuations: [] });
  });

  it('what the server accepts is exactly what the shared types let a client send', () => {
    expectTypeOf<z.input<typeof joinOptionsSchema>>().toEqualTypeOf<JoinOptions>();
    expectTypeOf<z.input<typeof commandMessageSchema>>().toEqualTypeOf<ClientMessages['command']>();
    expectTypeOf<z.input<typeof moveMemberSchema>>().toEqualTypeOf<ClientMessages['moveMember']>();
    expectTypeOf<z.input<typeof revokeMemberSchema>>().toEqualTypeOf<ClientMessages['revokeMember']>();
    expectTypeOf<z.input<typeof readySchema>>().toEqualTypeOf<ClientMessages['ready']>();
    expectTypeOf<z.input<typeof saySchema>>().toEqualTypeOf<ClientMessages['say']>();
    expectTypeOf<z.input<typeof createSchema>>().toEqualTypeOf<CreateMatchRequest>();
    expectTypeOf<z.input<typeof sessionSchema>>().toEqualTypeOf<SessionRequest>();
    expectTypeOf<z.input<typeof forkSchema>>().toEqualTypeOf<ForkRequest>();
  });

  it('every message and room has its name as a constant, equal to the name itself', () => {
    for (const [key, value] of Object.entries(MSG)) expect(value).toBe(key);
    expect(Object.keys(MSG).sort()).toEqual(['ack', 'chat', 'command', 'moveMember', 'ready', 'rejected', 'revokeMember', 'say', 'seat', 'watch']);
    expectTypeOf<keyof typeof MSG>().toEqualTypeOf<keyof ClientMessages | keyof ServerMessages>();
    expect(ROOMS).toEqual({ match: 'match', watch: 'watch' });
  });

  it('accepts a message the shared type describes, and refuses one it does not', () => {
    const join: JoinOptions = { matchId: 'm1', name: 'Ada', team: 1 };
    expect(joinOptionsSchema.safeParse(join).success).toBe(true);
    expect(joinOptionsSchema.safeParse({ ...join, admin: true }).success).toBe(false);
    const move: ClientMessages['moveMember'] = { id: 3, memberId: 'abc', seat: 2 };
    expect(moveMemberSchema.safeParse(move).success).toBe(true);
    expect(moveMemberSchema.safeParse({ ...move, seat: 'two' }).success).toBe(false);
  });
});
