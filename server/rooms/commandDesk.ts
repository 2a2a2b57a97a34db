import type { Client } from '@colyseus/core';
import type { MatchHost } from '../match/MatchHost';
import { type ClientData, dataOf } from './clientData';
import { messageId, type Read, readCommand, readReady } from './commandMessage';
import type { MessageGate } from './messageGate';
import { type RoomChat, speakerOf } from './roomChat';
import { tell } from './wire';

/** What the players' messages need of their room. */
export interface CommandDeskRoom {
  readonly host: MatchHost;
  readonly gate: MessageGate;
  readonly chat: RoomChat;
  /** Projects the state again; `rosterMayChange` false when nobody came, went or moved. */
  refresh(withReports?: boolean, rosterMayChange?: boolean): void;
}

/**
 * The messages that go to the match host: a command, a line of chat (the room limits how often,
 * the engine decides whether it may be said), and "ready" (a player's tour is done). Each is
 * answered once, with an ack or a refusal.
 */
export class CommandDesk {
  constructor(private readonly room: CommandDeskRoom) {}

  command(client: Client, message: unknown): Promise<void> {
    return this.submit(client, message, (data) => readCommand(message, data));
  }

  say(client: Client, message: unknown): Promise<void> {
    return this.submit(client, message, (data) => this.room.chat.read(message, data, speakerOf(data, client.sessionId), Date.now()));
  }

  /** A player is ready to play: a first quarter held for them starts its clock. */
  ready(client: Client, message: unknown): void {
    const { gate, host } = this.room;
    const id = messageId(message);
    if (!gate.admitted(client, id)) return;
    const read = readReady(message, dataOf(client)!);
    if ('code' in read) return gate.refuse(client, id, read.code, read.message);
    host.markReady(read.seat);
    // The clock may have just started: its deadline reaches the clients without any event.
    this.room.refresh(false, false);
    tell(client, 'ack', { id, seq: host.version });
  }

  private async submit(client: Client, message: unknown, read: (data: ClientData) => Read): Promise<void> {
    const { gate, host } = this.room;
    const id = messageId(message);
    if (!gate.admitted(client, id)) return;
    const command = read(dataOf(client)!);
    if ('code' in command) return gate.refuse(client, id, command.code, command.message);
    const outcome = await host.execute(command.command, command.actor);
    if (outcome.ok) tell(client, 'ack', { id, seq: outcome.seq });
    else gate.refuse(client, id, outcome.code, outcome.message);
  }
}
