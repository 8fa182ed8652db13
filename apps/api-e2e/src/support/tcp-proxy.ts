import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the API and its database that a test can cut: while cut, every open
 * connection is destroyed and new ones are dropped as soon as they arrive — what the API
 * sees when PostgreSQL restarts or the network between them fails. It can also stall.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private stalled = false;
  private held: Array<[Socket, Buffer]> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const started: { proxy?: TcpProxy } = {};
    const server = createServer((client) => started.proxy?.relay(client, targetHost, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
    started.proxy = new TcpProxy(server, address.port);
    return started.proxy;
  }

  private relay(client: Socket, host: string, port: number): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host, port });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.on('error', () => undefined);
      from.on('data', (chunk: Buffer) => {
        if (this.stalled) this.held.push([to, chunk]);
        else to.write(chunk);
      });
      from.once('close', () => {
        this.sockets.delete(from);
        client.destroy();
        upstream.destroy();
      });
    }
  }

  /** The outage starts: open connections die, new ones are refused. */
  cutOff(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * The database still accepts connections but answers nothing (a saturated server, a
   * network path that drops packets): bytes are held, in both directions, until restore.
   */
  stall(): void {
    this.stalled = true;
  }

  /** The outage ends; held bytes go on to where they were going. */
  restore(): void {
    this.cut = false;
    this.stalled = false;
    for (const [to, chunk] of this.held) if (!to.destroyed) to.write(chunk);
    this.held = [];
  }

  async stop(): Promise<void> {
    this.cutOff();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
