// 3. Memory: the action's resident set while it waits for a long run, sampled from /proc.
import { existsSync, readFileSync } from 'node:fs';
import { startWorld } from '../test/support/scenario.ts';
import { log } from './common.ts';
import { addBenchPipeline, waitRun, type RealRun } from './polling.ts';

export interface MemorySample {
  /** seconds since the process was spawned */
  t: number;
  rssKb: number;
}

export interface MemoryResult {
  runMs: number;
  interval: 'auto' | number;
  sampleEveryMs: number;
  samples: MemorySample[];
  /** The kernel's high-water mark (VmHWM) of the process, the true peak between samples too. */
  peakKb: number;
  run: RealRun;
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]);
    const rssKb = field('VmRSS');
    return Number.isFinite(rssKb) ? { rssKb, hwmKb: field('VmHWM') } : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for a run of `runMs` with the given poll interval, sampling the action's RSS. */
export async function benchMemory(
  runMs: number,
  interval: 'auto' | number = 'auto',
  sampleEveryMs = 2_000,
): Promise<MemoryResult> {
  if (!existsSync('/proc/self/status')) throw new Error('the memory bench reads /proc/<pid>/status (Linux only)');
  const w = await startWorld();
  try {
    const name = `bench-memory-${interval === 'auto' ? 'auto' : `${interval}ms`}`;
    addBenchPipeline(w, name, runMs);
    const samples: MemorySample[] = [];
    let peakKb = 0;
    let timer: NodeJS.Timeout | undefined;
    const every = interval === 'auto' ? 'poll-interval: auto' : `poll-interval: ${interval / 1000} s`;
    log(`memory: waiting for a ${runMs / 1000} s run (${every}), sampling RSS every ${sampleEveryMs / 1000} s`);
    const onSpawn = (pid: number) => {
      const started = performance.now();
      const sample = () => {
        const s = readStatus(pid);
        if (!s) return;
        samples.push({ t: (performance.now() - started) / 1000, rssKb: s.rssKb });
        if (Number.isFinite(s.hwmKb)) peakKb = Math.max(peakKb, s.hwmKb);
      };
      // A first look once start-up is done, then on a fixed beat.
      setTimeout(sample, 500);
      timer = setInterval(sample, sampleEveryMs);
    };
    const run = await waitRun(w, `${runMs / 1000} s run, ${every}`, name, runMs, { interval, onSpawn });
    clearInterval(timer);
    return { runMs, interval, sampleEveryMs, samples, peakKb: Math.max(peakKb, ...samples.map((s) => s.rssKb)), run };
  } finally {
    await w.emu.close();
  }
}
