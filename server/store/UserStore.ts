/** A player's account. An anonymous one has no email and no password until it is saved. */
export interface User {
  id: string;
  email: string | null;
  name: string;
  anonymous: boolean;
  createdAt: number;
}

/** What signing in with an email reads: the account and its password hash (@colyseus/auth's format). */
export interface UserWithPassword extends User {
  passwordHash: string | null;
}

/** A seat a user took in a match (not in a classroom match, whose seats are teams of students). */
export interface UserSeat {
  matchId: string;
  seat: number;
  at: number;
}

export type UserStoreErrorCode = 'EMAIL_TAKEN' | 'USER_NOT_FOUND';

export class UserStoreError extends Error {
  constructor(
    readonly code: UserStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserStoreError';
  }
}

/**
 * The accounts, in the event store's database beside the matches. Saving an anonymous account
 * (email and password) keeps its id, so the seats it took stay its own.
 */
export interface UserStore {
  readonly kind: string;
  createAnonymous(user: { id: string; name: string; createdAt: number }): Promise<User>;
  /** A new account with an email and a password hash; EMAIL_TAKEN if the email has one. */
  createWithEmail(user: { id: string; name: string; email: string; passwordHash: string; createdAt: number }): Promise<User>;
  /** Gives an anonymous account its email and password hash, keeping its id; USER_NOT_FOUND unless it is anonymous. */
  saveAnonymous(id: string, email: string, passwordHash: string): Promise<User>;
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<UserWithPassword | null>;
  /** Records the user as the seat's player unless someone holds it; returns who holds it now. */
  bindSeat(matchId: string, seat: number, userId: string, at: number): Promise<string>;
  /** The user who holds a seat, if one does. */
  seatHolder(matchId: string, seat: number): Promise<string | null>;
  /** The seats a user took, newest first. */
  seatsOf(userId: string, limit: number): Promise<UserSeat[]>;
  /** A secret kept under this name, made by `make` the first time (every process then reads the same one). */
  secret(name: string, make: () => string): Promise<string>;
  close(): Promise<void>;
}
