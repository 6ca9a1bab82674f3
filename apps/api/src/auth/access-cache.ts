import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PgListener } from '@app/persistence';
import { AccessState, USER_ACCESS_CHANNEL, UsersService } from '@app/workflow';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
    // A failed read is not remembered: the next request asks again.
    loading.catch(() => this.states.delete(username));
    return loading;
  }
}
