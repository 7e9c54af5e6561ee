// /_emulator/* on the ARM server: lets another process (a workflow step, a shell script) inspect and
// steer a standalone emulator. Not recorded and never faulted.
import type { EmulatorContext } from './context.ts';
import type { Call, Reply } from './server.ts';
import type { EmulatorConfig, FaultRule, RandomFaultOptions, RunScript } from './types.ts';
import { isPlainObject } from './util.ts';

export function runSummary(ctx: EmulatorContext, runId: string): Record<string, unknown> | undefined {
  const run = ctx.engine.get(runId);
  if (!run) return undefined;
  const now = Date.now();
  return {
    ...ctx.engine.view(run, now),
    subscriptionId: run.subscriptionId,
    resourceGroup: run.resourceGroup,
    factoryName: run.factoryName,
    rawParameters: run.parameters,
    body: run.body,
    query: run.query,
    parentRunId: run.parentRunId ?? null,
    childRunIds: run.childRunIds,
    cancelRequests: run.cancelRequests,
    principal: run.principal ?? null,
    activityRuns: ctx.engine.activityRuns(run, now),
  };
}

/** JSON cannot say Infinity: accept null or "Infinity" for `count`. */
function reviveRule(body: Record<string, unknown>): FaultRule {
  const rule: Record<string, unknown> = { ...body };
  if (rule.count === null || rule.count === 'Infinity') rule.count = Number.POSITIVE_INFINITY;
  return rule as unknown as FaultRule;
}

export function armControl(ctx: EmulatorContext) {
  return (call: Call): Reply | undefined => {
    if (call.segments[0] !== '_emulator') return undefined;
    const what = call.segments.slice(1).join('/');
    const ok = (body?: unknown): Reply => ({ status: 200, ...(body !== undefined ? { body } : {}) });
    const key = `${call.method} ${what}`;
    switch (key) {
      case 'GET requests': {
        const { op, service } = call.query;
        return ok(ctx.recorder.requests.filter((r) => (!op || r.op === op) && (!service || r.service === service)));
      }
      case 'DELETE requests':
        ctx.recorder.clear();
        return ok();
      case 'GET runs':
        ctx.engine.tick();
        return ok(ctx.engine.list().map((r) => runSummary(ctx, r.runId)));
      case 'GET config':
        return ok(ctx.config);
      case 'PATCH config':
        if (!isPlainObject(call.body)) return { status: 400, body: { message: 'expected a JSON object' } };
        Object.assign(ctx.config, call.body as Partial<EmulatorConfig>);
        return ok(ctx.config);
      case 'POST faults':
        if (!isPlainObject(call.body)) return { status: 400, body: { message: 'expected a fault rule' } };
        ctx.faults.add(reviveRule(call.body));
        return ok();
      case 'POST faults/random':
        if (!isPlainObject(call.body)) return { status: 400, body: { message: 'expected random fault options' } };
        ctx.faults.random(call.body as unknown as RandomFaultOptions);
        return ok();
      case 'DELETE faults':
        ctx.faults.clear();
        return ok();
      case 'POST deny': {
        const b = call.body;
        if (!isPlainObject(b) || typeof b.principal !== 'string' || typeof b.action !== 'string')
          return { status: 400, body: { message: 'expected {principal, action}' } };
        ctx.world.deny(b.principal, b.action);
        return ok();
      }
      case 'POST next-run-script': {
        const b = call.body;
        if (!isPlainObject(b) || typeof b.pipelineName !== 'string' || !isPlainObject(b.script)) {
          return { status: 400, body: { message: 'expected {pipelineName, script}' } };
        }
        const name = b.pipelineName.toLowerCase();
        const pipelines = [...ctx.world.factories.values()]
          .map((f) => f.pipelines.get(name))
          .filter((p) => p !== undefined);
        if (pipelines.length === 0) return { status: 404, body: { message: `no pipeline ${b.pipelineName}` } };
        for (const p of pipelines) p.nextScripts.push(b.script as RunScript);
        return ok();
      }
      default:
        if (call.method === 'GET' && call.segments[1] === 'runs' && call.segments[2]) {
          ctx.engine.tick();
          const s = runSummary(ctx, call.segments[2]);
          return s ? ok(s) : { status: 404, body: { message: 'no such run' } };
        }
        return { status: 404, body: { message: `unknown control endpoint ${call.method} /_emulator/${what}` } };
    }
  };
}
