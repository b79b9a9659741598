import { type Logger, pino } from 'pino';
import type { Config } from '../config/config.ts';

export type { Logger };

/** The process logger: JSON lines, secrets redacted. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'accessToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  });
}
