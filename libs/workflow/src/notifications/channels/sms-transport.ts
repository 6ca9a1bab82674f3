import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { postBody, signedHeaders } from '../../webhooks/signed-post';
import { ChannelRefusedError, ChannelTransport, OutgoingMessage } from './channel-transport';

/**
 * SMS through an HTTP gateway: a POST of `{to, text}` to `SMS_GATEWAY_URL`, signed the way webhooks are
 * (`X-Signature` over the raw body with `SMS_GATEWAY_SECRET`, `X-Event-Id` the delivery's id). The gateway is the
 * operator's own, so a private address is allowed.
 */
@Injectable()
export class SmsTransport extends ChannelTransport {
  readonly channel = 'sms' as const;
  readonly enabled: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.enabled = !!config.channels.smsGatewayUrl;
  }

  async send(message: OutgoingMessage): Promise<string> {
    const { smsGatewayUrl, smsGatewaySecret, timeoutMs } = this.config.channels;
    if (!smsGatewayUrl || !smsGatewaySecret) throw new Error('SMS_GATEWAY_URL is not set in this process');
    const body = JSON.stringify({ to: message.address, text: message.text });
    const headers = { ...signedHeaders(smsGatewaySecret, body, message.key), 'User-Agent': 'direct-handling-sms/1' };
    const answer = await postBody(new URL(smsGatewayUrl), body, headers, { timeoutMs, publicOnly: false });
    const response = `${answer.statusCode} ${answer.body}`.trim();
    if (answer.statusCode >= 200 && answer.statusCode < 300) return response;
    // A 4xx says the request itself is wrong (a bad number): sending it again cannot help. 408 and 429 can.
    const permanent = answer.statusCode >= 400 && answer.statusCode < 500 && ![408, 429].includes(answer.statusCode);
    throw new ChannelRefusedError(`SMS gateway answered ${answer.statusCode}`, permanent, response);
  }
}
