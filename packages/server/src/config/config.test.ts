import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

describe('configuration', () => {
  it('documents in the README exactly the variables the schema reads', () => {
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## CLI'));
    const documented = [...section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('starts on SQLite in ./data with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, databaseEngine: 'sqlite', cookieSecure: false });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseEngine).toBe('postgres');
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ROLES: 'http,cron' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
      expect(problems).toContain('ROLES');
    }
  });

  it('turns secure cookies on behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://inbox.example.com' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://inbox.example.com', COOKIE_SECURE: 'false' }).cookieSecure).toBe(
      false,
    );
  });
});
