import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import express, { type Request, type Response } from 'express';
import { currentRequestOrigin } from '@rollcall/db';
import { MAX_JSON_DEPTH, jsonNestingExceeds, useBodyParsing } from './body-parsing';

const deep = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);

describe('jsonNestingExceeds', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(jsonNestingExceeds(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts objects and arrays alike', () => {
    expect(jsonNestingExceeds(Buffer.from('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestingExceeds(Buffer.from('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ filter: `${'{['.repeat(500)}\\"${'['.repeat(500)}` });
    expect(jsonNestingExceeds(Buffer.from(text), 2)).toBe(false);
  });

  it('reads multi-byte UTF-8 without mistaking its bytes for brackets', () => {
    expect(jsonNestingExceeds(Buffer.from('{"t":"🚀［｛ž"}'), 1)).toBe(false);
  });

  it('refuses a 2,000-level body that would overflow recursive walks', () => {
    expect(jsonNestingExceeds(Buffer.from(`${'{"a":'.repeat(2100)}1${'}'.repeat(2100)}`), 64)).toBe(
      true,
    );
  });
});

describe('the request origin set by useBodyParsing', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    useBodyParsing(app as unknown as INestApplication, 10_000);
    // What a handler sees after awaits, as a use case does when its transaction commits.
    app.use((request: Request, response: Response) => {
      void (async () => {
        const seen = [currentRequestOrigin()?.clientIp];
        await sleep(2);
        seen.push(currentRequestOrigin()?.clientIp);
        await new Promise<void>((resolve) => setImmediate(resolve));
        seen.push(currentRequestOrigin()?.clientIp);
        response.json({ seen, body: request.body as unknown });
      })();
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const seen = async (init: RequestInit = {}): Promise<unknown> =>
    ((await (await fetch(`${base}/api/probe`, init)).json()) as { seen: unknown }).seen;

  it('is the forwarded client when a trusted (loopback) proxy sends the request', async () => {
    expect(await seen({ headers: { 'x-forwarded-for': '203.0.113.9' } })).toEqual(
      Array(3).fill('203.0.113.9'),
    );
  });

  it('keeps the address of a request whose JSON body was parsed from the stream', async () => {
    const response = await fetch(`${base}/api/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    const answer = (await response.json()) as { seen: unknown; body: { name: string } };
    expect(answer.seen).toEqual(Array(3).fill('198.51.100.7'));
    expect(answer.body.name).toHaveLength(5000);
  });

  it('is the peer address without a proxy, and is gone outside the request', async () => {
    expect(await seen()).toEqual(Array(3).fill('127.0.0.1'));
    expect(currentRequestOrigin()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
    const answers = await Promise.all(
      ips.map((ip) => seen({ headers: { 'x-forwarded-for': ip } })),
    );
    expect(answers).toEqual(ips.map((ip) => Array(3).fill(ip)));
  });
});
