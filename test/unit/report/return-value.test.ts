import { describe, expect, it } from 'vitest';
import { fromKeyValueList, readReturnValue, typedValue } from '../../../src/report/return-value.ts';
import type { ActivityRun, RunView } from '../../../src/model/run.ts';

const run = (raw: Record<string, unknown>, status: RunView['status'] = 'Succeeded'): RunView => ({
  runId: 'r1',
  pipelineName: 'p',
  status,
  message: '',
  raw,
});
const setter = (o: Partial<ActivityRun>): ActivityRun & { depth: number } => ({
  activityName: 'Set rv',
  activityType: 'SetVariable',
  status: 'Succeeded',
  pipelineRunId: 'r1',
  depth: 0,
  ...o,
});

describe('readReturnValue', () => {
  it('prefers the run body, then output, then the Set Variable activity', () => {
    const acts = [setter({ output: { name: 'pipelineReturnValue', value: { c: 3 } } })];
    expect(
      readReturnValue(run({ pipelineReturnValue: { a: 1 }, output: { pipelineReturnValue: { b: 2 } } }), acts).value,
    ).toEqual({ a: 1 });
    expect(readReturnValue(run({ output: { pipelineReturnValue: { b: 2 } } }), acts).value).toEqual({ b: 2 });
    expect(readReturnValue(run({}), acts)).toEqual({
      value: { c: 3 },
      source: 'Set Variable activity `Set rv` (its output)',
    });
  });

  it('reads the input list with typed values', () => {
    const acts = [
      setter({
        input: {
          variableName: 'pipelineReturnValue',
          value: [
            { key: 'n', value: { type: 'Int', content: '5' } },
            {
              key: 'o',
              value: { type: 'Object', content: [{ key: 'x', value: { type: 'Boolean', content: 'true' } }] },
            },
            { key: 's', value: 'plain' },
          ],
        },
      }),
    ];
    expect(readReturnValue(run({}), acts).value).toEqual({ n: 5, o: { x: true }, s: 'plain' });
  });

  it('ignores other variables, failed setters, child pipelines, and runs that did not succeed', () => {
    const other = setter({
      input: { variableName: 'counter', value: 1 },
      output: { name: 'counter', value: { x: 1 } },
    });
    const child = setter({
      depth: 1,
      pipelineRunId: 'child',
      output: { name: 'pipelineReturnValue', value: { x: 1 } },
    });
    const failed = setter({ status: 'Failed', output: { name: 'pipelineReturnValue', value: { x: 1 } } });
    expect(readReturnValue(run({}), [other, child, failed])).toEqual({ value: {}, source: '' });
    expect(readReturnValue(run({ pipelineReturnValue: { a: 1 } }, 'Failed')).value).toEqual({});
    expect(readReturnValue(undefined).value).toEqual({});
  });

  it('keeps values it does not recognise as typed as they are', () => {
    expect(typedValue({ type: 'Weird', content: 1 })).toEqual({ type: 'Weird', content: 1 });
    expect(typedValue({ type: 'Int', content: 'x' })).toBe('x');
    expect(fromKeyValueList([{ key: 'a', value: [1, 2] }, { nokey: 1 }])).toEqual({ a: [1, 2] });
  });
});
