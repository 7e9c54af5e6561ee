// What the step's runs cost: the billable units of each ended run, read in its details phase, and
// on request their price at list prices, once every run's details are in. One read budget (100
// pages) for the whole step; one Retail Prices query per region and currency (RetailPrices caches);
// 10 seconds for the pricing as a whole. Nothing here fails the step or throws: a read that fails
// leaves the totals marked incomplete, a price that cannot be read is a notice and `{}`.
import * as core from '@actions/core';
import { addBillings } from '../cost/billing.js';
import { addEstimates, type EstimateResult, type FabricCapacityEstimate } from '../cost/estimate.js';
import { priceRun, type PricedRun } from '../cost/price-run.js';
import { PRICES_TIME_LIMIT_MS, RetailPrices } from '../cost/prices.js';
import { readRunBilling, stepReadBudget, type ReadBudget, type RunBilling } from '../cost/read-billing.js';
import { runRegion } from '../cost/region.js';
import { costLine } from '../cost/text.js';
import { errorMessage } from '../http/errors.js';
import type { StepResult } from '../model/result.js';
import { isFinal, type ActivityRun } from '../model/run.js';
import { USER_AGENT } from '../runtime/version.js';
import type { PipelineService } from '../services/service.js';
import type { Item } from './item.js';

export interface CostInputs {
  billing: boolean;
  costEstimate: boolean;
  currency: string;
  retailPricesEndpoint: string;
}

/** The factory's location is a courtesy read: it must leave most of the 10 s to the prices. */
const LOCATION_READ_MS = 4_000;

export class StepCost {
  private readonly budget: ReadBudget = stepReadBudget();
  private readonly read = new Map<Item, RunBilling>();

  constructor(
    private readonly service: PipelineService,
    private readonly inputs: CostInputs,
    private readonly timeLimitMs = PRICES_TIME_LIMIT_MS,
  ) {}

  /** Whether this run's billable units are read: `billing: true` and the run has ended. */
  wants(it: Item): boolean {
    return this.inputs.billing && Boolean(it.run && isFinal(it.run.status));
  }

  /**
   * Reads the billable units of an ended run and its child runs. `known`: activity runs already
   * read for the report, which cost no request again. Undefined when billing is off or the run
   * has not ended.
   */
  async readRun(it: Item, known?: readonly ActivityRun[]): Promise<RunBilling | undefined> {
    if (!this.wants(it)) return undefined;
    try {
      const read = await readRunBilling(this.service, it.run!, this.budget, { known });
      this.read.set(it, read);
      it.billing = read.tally.billing;
      return read;
    } catch (e) {
      // readRunBilling catches its reads' failures; this is for the unforeseen, which costs the figures only.
      it.log.debug(`Could not add up the billable units of run ${it.runId} (${errorMessage(e)}).`);
      return undefined;
    }
  }

  /**
   * After every run's details, before the report: the estimates (with `cost-estimate`), each
   * run's cost line, and a batch's sums.
   */
  async finish(step: StepResult, items: readonly Item[]): Promise<void> {
    const billed = items.filter((it) => this.read.has(it));
    if (this.inputs.costEstimate && !this.inputs.billing) {
      core.notice(
        "No cost estimate: 'cost-estimate: true' prices the billable units, which 'billing: false' does not read. Remove 'billing: false'.",
      );
    }
    if (!billed.length) return;
    const priced = this.inputs.costEstimate ? await this.price(billed) : new Map<Item, PricedRun>();
    for (const it of billed) {
      const p = priced.get(it);
      if (this.inputs.costEstimate) it.estimatedCost = { ...p?.output };
      it.costLine = costLine(it.billing!, p?.result ?? p?.fabric);
      it.log.info(it.costLine);
    }
    if (!step.batch) return;
    step.billing = addBillings(billed.map((it) => it.billing!));
    const sum = this.inputs.costEstimate ? batchEstimate(billed.map((it) => priced.get(it))) : undefined;
    if (this.inputs.costEstimate) step.estimatedCost = sum ? outputOf(sum) : {};
    step.costLine = costLine(step.billing, sum);
    core.info(`Batch total: ${step.costLine}`);
  }

  /** Every billed run's price; the notices said once each, whatever the number of runs. */
  private async price(billed: Item[]): Promise<Map<Item, PricedRun>> {
    const started = Date.now();
    const out = new Map<Item, PricedRun>();
    try {
      const needsLocation = this.service.kind !== 'fabric' && billed.some((it) => !this.read.get(it)!.region);
      const location = needsLocation ? await this.factoryLocation() : undefined;
      const prices = new RetailPrices({
        endpoint: this.inputs.retailPricesEndpoint,
        userAgent: USER_AGENT,
        timeLimitMs: Math.max(1_000, this.timeLimitMs - (Date.now() - started)),
      });
      await Promise.all(
        billed.map(async (it) => {
          const read = this.read.get(it)!;
          out.set(
            it,
            await priceRun({
              kind: this.service.kind,
              tally: read.tally,
              region: runRegion(read.region, location),
              currency: this.inputs.currency,
              prices,
            }),
          );
        }),
      );
    } catch (e) {
      // priceRun says why in a notice; anything else is still no reason to fail a step.
      core.notice(`No cost estimate: ${errorMessage(e)}.`);
      return new Map();
    }
    for (const notice of new Set([...out.values()].map((p) => p.notice).filter(Boolean))) core.notice(notice!);
    return out;
  }

  /** The factory's ARM region, when the service has one to read; undefined when it cannot be read. */
  private async factoryLocation(): Promise<string | undefined> {
    if (!this.service.factoryLocation) return undefined;
    try {
      return await this.service.factoryLocation({
        abortSignal: AbortSignal.timeout(LOCATION_READ_MS),
        timeoutMs: LOCATION_READ_MS,
      });
    } catch (e) {
      core.debug(`Could not read the factory's location (${errorMessage(e)}).`);
      return undefined;
    }
  }
}

/**
 * A batch's estimate: the sum when every billed run was priced, else none (a sum of some runs
 * would read as the batch's cost). Fabric's capacity-unit hours add up the same way.
 */
function batchEstimate(
  priced: ReadonlyArray<PricedRun | undefined>,
): EstimateResult | FabricCapacityEstimate | undefined {
  if (priced.every((p) => p?.fabric)) {
    const cu = priced.reduce((s, p) => s + p!.fabric!['capacity-unit-hours'], 0);
    return { 'capacity-unit-hours': Number(cu.toFixed(4)) };
  }
  if (!priced.every((p) => p?.result)) return undefined;
  return addEstimates(priced.map((p) => p!.result!));
}

function outputOf(e: EstimateResult | FabricCapacityEstimate): Record<string, unknown> {
  return 'capacity-unit-hours' in e ? { ...e } : { ...e.estimate };
}
