import { describe, expect, it } from 'vitest';
import { manualMovesFrom } from './status-moves.ts';

describe('the status menu moves', () => {
  it('offers only forward moves, and from resolved only reopening as pending', () => {
    expect(manualMovesFrom('new')).toEqual(['open', 'pending', 'resolved']);
    expect(manualMovesFrom('open')).toEqual(['pending', 'resolved']);
    expect(manualMovesFrom('pending')).toEqual(['resolved']);
    expect(manualMovesFrom('resolved')).toEqual(['pending']);
  });
});
