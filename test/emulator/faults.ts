// Fault injection: explicit rules (skip N, then fail `count` times) and a seeded random mode, so a
// flaky-network test is reproducible. Rules are consulted in the order they were added; the first
// one that fires wins, and only if none fires does the random mode get a chance.
import type { Fault, FaultRule, RandomFaultOptions, Service } from './types.ts';

export interface ActiveRule {
  readonly rule: FaultRule;
  /** matching requests seen so far */
  seen: number;
  /** times the fault was injected */
  fired: number;
  remove(): void;
}

interface RandomMode {
  opts: RandomFaultOptions;
  next: () => number;
  fired: number;
}

/** mulberry32: tiny, good enough, and seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function opMatches(want: string | string[] | undefined, op: string): boolean {
  if (want === undefined) return true;
  return Array.isArray(want) ? want.includes(op) : want === op;
}

export class Faults {
  readonly rules: ActiveRule[] = [];
  private randomMode: RandomMode | undefined;

  add(rule: FaultRule): ActiveRule {
    const active: ActiveRule = {
      rule,
      seen: 0,
      fired: 0,
      remove: () => {
        const i = this.rules.indexOf(active);
        if (i >= 0) this.rules.splice(i, 1);
      },
    };
    this.rules.push(active);
    return active;
  }

  random(opts: RandomFaultOptions): void {
    if (opts.faults.length === 0) throw new Error('faults.random needs at least one fault');
    this.randomMode = { opts, next: prng(opts.seed ?? 0x5eed), fired: 0 };
  }

  /** How many faults the random mode injected so far. */
  get randomFired(): number {
    return this.randomMode?.fired ?? 0;
  }

  clear(): void {
    this.rules.length = 0;
    this.randomMode = undefined;
  }

  /** Decide the fault (if any) for one request; counts it against the rules. */
  pick(service: Service, op: string): Fault | undefined {
    for (const r of this.rules) {
      const { rule } = r;
      if (rule.service !== undefined && rule.service !== service) continue;
      if (!opMatches(rule.op, op)) continue;
      r.seen++;
      if (r.seen <= (rule.skip ?? 0)) continue;
      if (r.fired >= (rule.count ?? 1)) continue;
      r.fired++;
      return rule.fault;
    }
    const m = this.randomMode;
    if (m) {
      if (m.opts.services && !m.opts.services.includes(service)) return undefined;
      if (m.opts.ops && !m.opts.ops.includes(op)) return undefined;
      if (m.next() < m.opts.rate) {
        m.fired++;
        return m.opts.faults[Math.floor(m.next() * m.opts.faults.length)];
      }
    }
    return undefined;
  }
}

export function describeFault(f: Fault): string {
  if ('hang' in f) return 'hang';
  if ('drop' in f) return `drop:${f.drop}`;
  if ('status' in f) return `status:${f.status}`;
  if ('refuseForMs' in f) return 'refuse';
  return 'latency';
}
