import { expect, test } from 'vitest';
import { nearestName } from '../../../src/services/near-name.ts';
test('nearestName suggests a pipeline name that differs by separators or a typo or two, not by a whole word', () => {
  const n = ['daily-load', 'nightly-fail', 'long-running', 'quick', 'child-load', 'parent-with-child'];
  expect(nearestName('daily_load', n)).toBe('daily-load');
  expect(nearestName('Daily Load', n)).toBe('daily-load');
  expect(nearestName('dialy-load', n)).toBe('daily-load');
  expect(nearestName('quik', n)).toBe('quick');
  expect(nearestName('quikc', n)).toBe('quick');
  expect(nearestName('nope', n)).toBe(undefined);
  expect(nearestName('child-loads', n)).toBe('child-load');
  expect(nearestName('load', n)).toBe(undefined);
});
