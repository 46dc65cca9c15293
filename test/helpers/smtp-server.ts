/**
 * A real SMTP server (npm smtp-server) on 127.0.0.1, port 0, for notice tests.
 * It keeps every accepted message, and can misbehave on purpose: refuse some
 * recipients with 550, defer some with 451 once, require a login, or go down
 * in the middle of a run (drop a connection after the data of a message and
 * before its reply, then refuse every further command and connection).
 */
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** A message the server accepted. */
export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtpOptions {
  /** Recipients refused with 550 at RCPT TO. */
  reject?: (address: string) => boolean;
  /** Recipients deferred with 451 at their first RCPT TO, accepted after. */
  deferOnce?: (address: string) => boolean;
  /** After this many accepted messages, drop the next one after its data (no reply) and go down. */
  dropAfter?: number;
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string };
  /**
   * After this many accepted messages, stop answering: the next message's data
   * is read and never answered, and every later command waits forever (the
   * connections stay open), as a hung server does.
   */
  hangAfter?: number;
  /** Wait this long before answering each message's data; a message whose connection closes meanwhile is not accepted. */
  replyDelayMs?: number;
}

export interface TestSmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>` (with credentials when `auth` is set). */
  url: string;
  /** Accepted messages, in order. */
  messages: ReceivedMessage[];
  /** Lower-cased recipient → number of accepted messages. */
  acceptedCount(address: string): number;
  /** Every RCPT TO the server saw (lower-cased), including refused ones. */
  rcptSeen: string[];
  /** True once the server went down on purpose. */
  readonly down: boolean;
  /** Messages whose data arrived and that were never answered (hangAfter) or whose client left before the reply. */
  unanswered: number;
  /** Messages whose whole data arrived, answered or not. */
  readonly dataSeen: number;
  /** Makes a hung server answer again (new commands only; what it left unanswered stays so). */
  resume(): void;
  close(): Promise<void>;
}

/** Starts a server; close it in afterEach. */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const rcptSeen: string[] = [];
  const deferred = new Set<string>();
  const sockets = new Set<Socket>();
  let down = false;
  let hung = false;
  let unanswered = 0;
  let dataSeen = 0;

  const socketOf = (session: SMTPServerSession): Socket | undefined => {
    for (const socket of sockets) if (socket.remotePort === session.remotePort) return socket;
    return undefined;
  };
  const goDown = () => {
    down = true;
    server.server.close();
  };
  // A command after the server went down gets no reply: the connection just breaks.
  const dropIfDown = (session: SMTPServerSession): boolean => {
    if (!down) return false;
    socketOf(session)?.destroy();
    return true;
  };

  const server: SMTPServer = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
        return;
      }
      const error = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      callback(error);
    },
    onMailFrom(_address: SMTPServerAddress, session, callback) {
      if (dropIfDown(session)) return;
      if (hung) return; // never answered
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      if (dropIfDown(session)) return;
      const rcpt = address.address.toLowerCase();
      rcptSeen.push(rcpt);
      if (options.reject?.(address.address)) {
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
        return;
      }
      if (options.deferOnce?.(address.address) && !deferred.has(rcpt)) {
        deferred.add(rcpt);
        callback(Object.assign(new Error(`4.7.1 <${address.address}>: greylisted, try again later`), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        dataSeen += 1;
        if (dropIfDown(session)) return;
        if (hung || (options.hangAfter !== undefined && messages.length >= options.hangAfter)) {
          hung = true;
          unanswered += 1;
          return; // read, never answered
        }
        const accept = () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback(null, `Message ${messages.length} queued`);
        };
        if (options.replyDelayMs !== undefined) {
          setTimeout(() => {
            // The client gave up before the reply: it cannot know, and the message is not taken.
            if (socketOf(session) === undefined) unanswered += 1;
            else accept();
          }, options.replyDelayMs);
          return;
        }
        if (options.dropAfter !== undefined && messages.length >= options.dropAfter) {
          // The whole message arrived; the client never hears whether it was taken.
          goDown();
          socketOf(session)?.destroy();
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null, `Message ${messages.length} queued`);
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';

  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    messages,
    rcptSeen,
    get down() {
      return down;
    },
    get dataSeen() {
      return dataSeen;
    },
    get unanswered() {
      return unanswered;
    },
    resume() {
      hung = false;
      options.hangAfter = undefined;
    },
    acceptedCount(address) {
      const wanted = address.toLowerCase();
      return messages.filter((m) => m.to.some((to) => to.toLowerCase() === wanted)).length;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.server.close(() => resolve());
      });
    },
  };
}
