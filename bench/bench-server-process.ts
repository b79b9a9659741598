import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import {
  type BenchCommand,
  type BenchServerMessage,
  benchServerMessageSchema,
} from './bench-server-protocol.ts';

/** The parent's handle on the server process (bench-server.ts). */
export class BenchServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** Base URL, e.g. http://127.0.0.1:41234. */
    readonly url: string,
  ) {}

  /** Forks the server with `env` added to this process's environment and waits until it listens. */
  static async start(env: Record<string, string>): Promise<BenchServerProcess> {
    const child = fork(path.join(import.meta.dirname, 'bench-server.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await BenchServerProcess.next(child, 'ready', 60_000);
    if (ready.type !== 'ready') throw new Error('unexpected answer from the bench server');
    return new BenchServerProcess(child, ready.url);
  }

  /** The next message of `type` from the child. */
  private static next(
    child: ChildProcess,
    type: BenchServerMessage['type'],
    timeoutMs: number,
  ): Promise<BenchServerMessage> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (raw: unknown) => {
        const message = benchServerMessageSchema.parse(raw);
        if (message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`bench server exited (${code}) while waiting for "${type}"`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`bench server did not answer "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  }

  private async ask(command: BenchCommand, reply: BenchServerMessage['type']): Promise<BenchServerMessage> {
    const answer = BenchServerProcess.next(this.child, reply, 120_000);
    this.child.send(command);
    return answer;
  }

  /** Waits until the server handles no request, then forgets the request timings recorded so far. */
  async reset(): Promise<void> {
    await this.ask({ type: 'reset' }, 'reset');
  }

  /** The server's RSS (bytes) and its per-request times since the last reset. */
  async stats(): Promise<{ rss: number; timings: number[] }> {
    const answer = await this.ask({ type: 'stats' }, 'stats');
    if (answer.type !== 'stats') throw new Error('unexpected answer from the bench server');
    return { rss: answer.rss, timings: answer.timings };
  }

  /** Closes the server and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' } satisfies BenchCommand);
    await exited;
  }
}
