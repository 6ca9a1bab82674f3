import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PgListener } from '@app/persistence';
import { AccessState, USER_ACCESS_CHANNEL, UserAccessChanges, UsersService } from '@app/workflow';

const MAX_ENTRIES = 50_000;

/**
 * Each user's active flag and token version, so a request needs no database round trip to know its token still
 * holds. A change to a user is NOTIFYed by the transaction that made it and evicts the entry in every API process;
 * while the LISTEN connection is down nothing is cached, so a retired user is never let through.
 */
@Injectable()
export class AccessCache implements OnApplicationBootstrap {
  private readonly states = new Map<string, Promise<AccessState | null>>();

  constructor(
    private readonly users: UsersService,
    private readonly listener: PgListener,
    private readonly changes: UserAccessChanges,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A change made in this process evicts at once; one made elsewhere, when its NOTIFY arrives.
    this.changes.subscribe((username) => this.states.delete(username));
    await this.listener.subscribe({
      channel: USER_ACCESS_CHANNEL,
      onMessage: (username) => this.states.delete(username),
      onReconnect: () => this.states.clear(),
    });
  }

  state(username: string): Promise<AccessState | null> {
    if (!this.listener.connected) return this.users.accessState(username);
    const cached = this.states.get(username);
    if (cached) return cached;
    if (this.states.size >= MAX_ENTRIES) this.states.clear();
    const loading = this.users.accessState(username);
    this.states.set(username, loading);
    // A failed read is not remembered, and neither is one an eviction overtook (it may predate the change).
    const forget = () => {
      if (this.states.get(username) === loading) this.states.delete(username);
    };
    loading.catch(forget);
    return loading;
  }
}
