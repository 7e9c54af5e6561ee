// A stand-in for @actions/core in in-process tests: records what the step tells the runner.
// Use with `vi.mock('@actions/core', () => import('../../support/core-mock.ts'))` and read `recorded`.

export interface Recorded {
  outputs: Record<string, string>;
  /** Every setOutput in order (an output may be set more than once). */
  outputLog: Array<[string, string]>;
  state: Record<string, string>;
  stateLog: Array<[string, string]>;
  secrets: string[];
  info: string[];
  warnings: string[];
  errors: Array<{ message: string; title?: string }>;
  failed: string[];
  summaries: string[];
  inputs: Record<string, string>;
  /** Date.now() when setFailed was first called, and when the last output was written. */
  failedAt?: number;
}

export const recorded: Recorded = fresh();

function fresh(): Recorded {
  return {
    outputs: {},
    outputLog: [],
    state: {},
    stateLog: [],
    secrets: [],
    info: [],
    warnings: [],
    errors: [],
    failed: [],
    summaries: [],
    inputs: {},
  };
}

export function resetCore(): void {
  Object.assign(recorded, fresh());
  delete recorded.failedAt;
}

const text = (v: unknown) => (v instanceof Error ? v.message : String(v));

export const setOutput = (name: string, value: unknown) => {
  const v = typeof value === 'string' ? value : JSON.stringify(value);
  recorded.outputs[name] = v;
  recorded.outputLog.push([name, v]);
};
export const saveState = (name: string, value: unknown) => {
  const v = typeof value === 'string' ? value : JSON.stringify(value);
  recorded.state[name] = v;
  recorded.stateLog.push([name, v]);
};
export const getState = (name: string) => recorded.state[name] ?? '';
export const getInput = (name: string) => recorded.inputs[name] ?? '';
export const setSecret = (s: string) => void recorded.secrets.push(s);
export const info = (s: string) => void recorded.info.push(s);
export const debug = (_s: string) => undefined;
export const notice = (s: unknown) => void recorded.info.push(text(s));
export const warning = (s: unknown) => void recorded.warnings.push(text(s));
export const error = (s: unknown, props?: { title?: string }) =>
  void recorded.errors.push({ message: text(s), title: props?.title });
export const setFailed = (s: unknown) => {
  recorded.failed.push(text(s));
  recorded.failedAt ??= Date.now();
};
export const isDebug = () => false;
export const getIDToken = async (_aud?: string): Promise<string> => {
  throw new Error('getIDToken is not available in-process');
};

class Summary {
  private buffer = '';
  addRaw(s: string) {
    this.buffer += s;
    return this;
  }
  async write() {
    recorded.summaries.push(this.buffer);
    this.buffer = '';
    return this;
  }
}
export const summary = new Summary();
