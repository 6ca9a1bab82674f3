import type { Channel } from '@app/persistence';

/** One message to one address. `key` is the delivery's id: the same on every retry, so the receiver can dedupe. */
export interface OutgoingMessage {
  key: string;
  address: string;
  subject: string;
  text: string;
}

/** A refusal from the other side. `permanent`: no retry can change the answer (a rejected recipient, a 4xx). */
export class ChannelRefusedError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly response: string | null = null,
  ) {
    super(message);
  }
}

/** Sends through one channel; answers what the receiver said on success, throws on failure. */
export abstract class ChannelTransport {
  abstract readonly channel: Channel;
  /** False when the channel's configuration is unset: nothing is planned for it. */
  abstract readonly enabled: boolean;
  abstract send(message: OutgoingMessage): Promise<string>;
}
