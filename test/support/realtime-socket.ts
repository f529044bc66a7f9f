// A realtime socket as a test client holds it: opened with a hello (a TV's token, or a staff cookie), it keeps every
// message it receives and waits for the one a test expects.
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import type { ServerMessage } from '@palier/contracts';

export class TestSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }
  /** Opens a socket to a listening instance and sends the hello (a staff socket passes its session cookie). */
  static async open(app: FastifyInstance, hello: object, cookie?: string): Promise<TestSocket> {
    const address = app.server.address() as { port: number };
    const socket = new WebSocket(`ws://127.0.0.1:${address.port}/api/v1/realtime`, { headers: cookie ? { cookie } : {} });
    const test = new TestSocket(socket);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'hello', ...hello }));
    return test;
  }
  /** The first message (received so far or within the timeout) that matches. */
  async next(predicate: (message: ServerMessage) => boolean, timeoutMs = 5_000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
  close() {
    this.socket.close();
  }
}
