import type { ScimAuthScheme } from '../support/scim-auth-schemes';
import type { TestApi, TestOrganization } from '../support/test-api';

// Sends requests the way Microsoft's SCIM Validator and Entra's provisioning service do
// (`Content-Type`/`Accept: application/scim+json`, the scheme's Authorization on every call)
// and keeps a transcript, so a failed check shows the exchanges that led to it.

export const SCIM_MEDIA_TYPE = 'application/scim+json';

export interface ReplayExchange {
  method: string;
  url: string;
  requestBody: unknown;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined for an empty one. */
  body: unknown;
}

const TRANSCRIPT_LENGTH = 6;
/** Response bodies longer than this (a /Schemas document) are cut in failure messages. */
const TEXT_SHOWN = 2000;

/** /scim/v2 of one organization, through one authentication scheme. */
export class ReplayClient {
  private readonly transcript: ReplayExchange[] = [];

  private constructor(
    private readonly baseUrl: string,
    private readonly authorization: () => Promise<string>,
  ) {}

  static async connect(
    api: TestApi,
    org: TestOrganization,
    scheme: ScimAuthScheme,
  ): Promise<ReplayClient> {
    return new ReplayClient(`${api.baseUrl}/scim/v2`, await scheme.authorize(api, org));
  }

  /** One request; `path` is relative to /scim/v2 and may carry a raw query string. */
  async send(method: string, path: string, body?: unknown): Promise<ReplayExchange> {
    const url = `${this.baseUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: await this.authorization(),
        Accept: SCIM_MEDIA_TYPE,
        ...(body === undefined ? {} : { 'Content-Type': SCIM_MEDIA_TYPE }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const exchange: ReplayExchange = {
      method,
      url,
      requestBody: body,
      status: response.status,
      headers: response.headers,
      text,
      body: parseJson(text),
    };
    this.transcript.push(exchange);
    if (this.transcript.length > TRANSCRIPT_LENGTH) this.transcript.shift();
    return exchange;
  }

  /** One request that must answer `status`; its body. Fails with the recent transcript. */
  async expect<T>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const exchange = await this.send(method, path, body);
    if (exchange.status !== status) {
      throw new Error(
        `expected HTTP ${status} from ${method} ${path}, got ${exchange.status}\n\n` +
          this.recent(),
      );
    }
    return exchange.body as T;
  }

  /** Runs assertions; a failing one is rethrown with the recent exchanges appended. */
  verify(assertions: () => void): void {
    try {
      assertions();
    } catch (error) {
      if (error instanceof Error) error.message += `\n\nRecent exchanges:\n${this.recent()}`;
      throw error;
    }
  }

  /** The last exchanges, request and response, for a failure message. */
  recent(): string {
    return this.transcript.map(describeExchange).join('\n\n');
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeExchange(exchange: ReplayExchange): string {
  const request =
    exchange.requestBody === undefined ? '' : `\n${JSON.stringify(exchange.requestBody, null, 2)}`;
  const text =
    exchange.text.length > TEXT_SHOWN
      ? `${exchange.text.slice(0, TEXT_SHOWN)}… (${exchange.text.length} characters)`
      : exchange.text;
  return `> ${exchange.method} ${exchange.url}${request}\n< ${exchange.status}\n${text}`;
}

/**
 * The query string Entra sends to match a resource: `filter=userName+eq+"a%40b.example"`
 * (spaces as `+`, the value percent-encoded inside literal quotes).
 */
export function entraFilter(attribute: string, value: string): string {
  return `filter=${attribute}+eq+"${encodeURIComponent(value)}"`;
}
