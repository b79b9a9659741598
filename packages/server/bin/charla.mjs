#!/usr/bin/env node
// The `charla` CLI runs the TypeScript sources through tsx, like `npm start` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/cli.ts');
