import { type Client, ClientState, Protocol, Room, SchemaSerializer, type Serializer } from '@colyseus/core';
import type { Schema, StateView } from '@colyseus/schema';
import type { MatchState } from '../../shared/wire/state';

/**
 * Colyseus' schema serializer, except that a client whose patch would be empty gets no frame.
 *
 * Colyseus sends every client a frame whenever anything in the state changed, also a change only
 * another client's view holds: a seat's sheet (its own private side) went out as an empty frame to
 * the other three seats. Under load each of those is a WebSocket frame and a socket write for
 * nothing; the load test (`npm run loadtest`) counts them in its frames per client per quarter.
 * Otherwise it encodes as the library's own `applyPatches` does, which it calls for the cases it
 * does not cover (timed frames, a room without views, no clients).
 */
class QuietSerializer<T extends Schema> extends SchemaSerializer<T> {
  override applyPatches(clients: Client[], state?: unknown, timing?: Parameters<SchemaSerializer<T>['applyPatches']>[2]): boolean {
    if (timing || !this.hasFilters || clients.length === 0) return super.applyPatches(clients, state, timing);
    if (!this.encoder.hasChanges) return this.sendViewsOnly(clients);
    this.needFullEncode = true;
    const it = { offset: 1 };
    this.encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
    const shared = this.encoder.encode(it);
    const sharedOffset = it.offset;
    const byView = new Map<StateView | undefined, Uint8Array>();
    for (const client of clients) {
      if (client.state !== ClientState.JOINED) continue;
      const view = client.view as StateView | undefined;
      let frame = byView.get(view);
      if (frame === undefined) {
        frame = view ? this.encoder.encodeView(view, sharedOffset, it) : shared;
        byView.set(view, frame);
      }
      // The first byte says "patch": a frame of that byte alone changes nothing for this client.
      if (frame.length > 1) client.raw(frame);
    }
    this.encoder.discardChanges();
    return true;
  }

  /**
   * Nothing shared changed: only clients whose view did (a row just shown) get a frame. The same as
   * the library's, without a filtered copy of the client list on every tick of every room (most
   * ticks of most rooms change nothing; profiled, that copy was 4% of the server's CPU under load).
   */
  private sendViewsOnly(clients: Client[]): boolean {
    let it: { offset: number } | null = null;
    for (const client of clients) {
      const view = client.view as StateView | undefined;
      if (client.state !== ClientState.JOINED || view === undefined || view.changes.size === 0) continue;
      if (it === null) {
        it = { offset: 1 };
        this.encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
      }
      client.raw(this.encoder.encodeView(view, 1, it));
    }
    return false;
  }
}

/** A room of the match state whose patches go only to the clients they change something for. */
export abstract class QuietRoom extends Room<{ state: MatchState }> {
  // Colyseus makes a plain schema serializer when the room sets its state: this one takes its place.
  override setSerializer(given: Serializer<MatchState>): void {
    super.setSerializer(given instanceof SchemaSerializer && !(given instanceof QuietSerializer) ? (new QuietSerializer() as unknown as Serializer<MatchState>) : given);
  }
}
