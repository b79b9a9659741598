/** One line of the sandbox's activity log: an event name plus flat details. */
export interface LogLine {
  event: string;
  [detail: string]: unknown;
}

/** Receives log lines; the CLI prints them as JSON, the library discards them by default. */
export type LogSink = (line: LogLine) => void;

/** A sink that writes each line as one JSON object on stdout, stamped with epoch milliseconds. */
export function jsonLinesSink(write: (text: string) => void = (text) => process.stdout.write(text)): LogSink {
  return (line) => write(`${JSON.stringify({ at: Date.now(), ...line })}\n`);
}

/** A sink that drops everything. */
export const silentSink: LogSink = () => {};
