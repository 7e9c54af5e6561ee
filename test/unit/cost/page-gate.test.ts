// The clients ask the billing read's page gate before every page of activity runs (src/services/).
import { describe, expect, it } from 'vitest';
import type { RestClient } from '../../../src/http/rest-client.js';
import { FabricClient } from '../../../src/services/fabric/client.js';
import { pagedQuery } from '../../../src/services/pipeline-api/client.js';
import type { PageGate } from '../../../src/services/service.js';

/** Five pages of two rows, linked by continuationToken; records the bodies it got. */
function fakeRest(shape: 'value' = 'value') {
  const bodies: unknown[] = [];
  const optionKeys: string[][] = [];
  const rest = {
    url: (p: string) => `https://x${p}`,
    send: (_op: string, _m: string, _p: string, o: { body?: { continuationToken?: string } }) => {
      bodies.push(o.body);
      optionKeys.push(Object.keys(o));
      const page = Number(o.body?.continuationToken ?? 0);
      const value = [{ activityName: `a${page}` }, { activityName: `b${page}` }];
      return Promise.resolve(
        shape === 'value' ? { value, ...(page < 4 ? { continuationToken: String(page + 1) } : {}) } : value,
      );
    },
  };
  return { rest: rest as unknown as RestClient, bodies, optionKeys };
}

const gate = (allow: number): PageGate & { asked: number } => ({
  asked: 0,
  next() {
    this.asked++;
    return this.asked <= allow;
  },
});

describe('activity-run paging asks the page gate', () => {
  it('ADF and Synapse (pagedQuery): stops where the gate says, and never sends the gate', async () => {
    const { rest, bodies, optionKeys } = fakeRest();
    const g = gate(3);
    const rows = await pagedQuery(
      rest,
      'query activity runs',
      '/x',
      { lastUpdatedAfter: 'a', lastUpdatedBefore: 'b' },
      100,
      {
        pages: g,
      },
    );
    expect(rows).toHaveLength(6);
    expect(bodies).toHaveLength(3);
    expect(g.asked).toBe(4);
    expect(optionKeys.flat()).not.toContain('pages');
    const all = await pagedQuery(fakeRest().rest, 'q', '/x', { lastUpdatedAfter: 'a', lastUpdatedBefore: 'b' }, 100, {
      pages: gate(5),
    });
    expect(all).toHaveLength(10);
  });

  it('Fabric (queryActivityRuns): the same', async () => {
    const { rest, bodies } = fakeRest();
    const g = gate(2);
    const rows = await new FabricClient(rest).queryActivityRuns('ws', 'job', {}, { pages: g });
    expect(rows.map((r) => r.activityName)).toEqual(['a0', 'b0', 'a1', 'b1']);
    expect(bodies).toHaveLength(2);
  });
});
