import { afterAll, beforeAll, expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());

test('client secret: runs daily-load to success', async () => {
  const r = await runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'daily-load', parameters: 'batchSize: 100' },
    env: w.caEnv,
  });
  expect(r.exitCode).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');
});
