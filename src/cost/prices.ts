// The Azure Retail Prices API (public, no sign-in): the list prices of Data Factory's meters in one
// region and currency. One query per region and currency per step (cached), paged through
// NextPageLink, within 10 seconds overall. It sends no credential of any kind: its pipeline has no
// auth policy, and nothing here can reach a token or a secret. Failures come back as a reason
// (the caller shows a notice); nothing is thrown.
import {
  agentPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import type { Agent } from 'node:https';
import { PRODUCT_NAMES, SERVICE_NAME } from './meters.js';

export const DEFAULT_PRICES_ENDPOINT = 'https://prices.azure.com';
export const PRICES_PATH = '/api/retail/prices';
export const PRICES_TIME_LIMIT_MS = 10_000;
/** 100 items a page (documented); Data Factory's meters in one region fit in one or two. */
const MAX_PAGES = 10;

/** The fields of a Retail Prices item this action reads (Microsoft Learn, API property details). */
export interface PriceItem {
  currencyCode: string;
  tierMinimumUnits?: number;
  retailPrice: number;
  unitPrice?: number;
  armRegionName: string;
  location?: string;
  effectiveStartDate?: string;
  meterName: string;
  productName: string;
  skuName: string;
  serviceName?: string;
  unitOfMeasure: string;
  type?: string;
}

export interface PriceList {
  items: PriceItem[];
  region: string;
  currency: string;
  /** Host of the price list, for the estimate's basis ("prices.azure.com"). */
  source: string;
  /** When it was read, YYYY-MM-DD (UTC). */
  readOn: string;
}

export type PriceListResult = { ok: true; list: PriceList } | { ok: false; reason: string };

export interface RetailPricesOptions {
  /** Base URL (the `retail-prices-endpoint` input); default https://prices.azure.com. */
  endpoint?: string;
  /** Overall limit for one query, all pages; default 10 s. */
  timeLimitMs?: number;
  userAgent?: string;
  /** An HTTPS agent (tests trust their own CA with it); absent: Node's, or the SDK's proxy agents. */
  agent?: Agent;
  now?: () => Date;
}

/** The OData filter of the one query per region: the pipeline and data-flow products, pay-as-you-go. */
export function retailPricesFilter(region: string): string {
  const products = PRODUCT_NAMES.map((p) => `productName eq '${p}'`).join(' or ');
  return (
    `serviceName eq '${SERVICE_NAME}' and armRegionName eq '${region}' and priceType eq 'Consumption'` +
    ` and (${products})`
  );
}

export class RetailPrices {
  private readonly cache = new Map<string, Promise<PriceListResult>>();
  private readonly httpClient: HttpClient = createDefaultHttpClient();
  private pipeline?: Pipeline;

  constructor(private readonly options: RetailPricesOptions = {}) {}

  /** The price list of a region in a currency; asked once per step, whatever the number of runs. */
  prices(region: string, currency: string): Promise<PriceListResult> {
    const key = `${region.toLowerCase()}|${currency.toUpperCase()}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.query(region.toLowerCase(), currency.toUpperCase()).catch((e: unknown) => ({
        ok: false as const,
        reason: `the Azure Retail Prices API could not be read (${errorText(e)})`,
      }));
      this.cache.set(key, result);
    }
    return result;
  }

  private async query(region: string, currency: string): Promise<PriceListResult> {
    if (!/^[a-z][a-z0-9]*$/.test(region)) return { ok: false, reason: `'${region}' is not an Azure region name` };
    if (!/^[A-Z]{3}$/.test(currency))
      return { ok: false, reason: `'${currency}' is not a currency code (three letters, such as USD or EUR)` };
    let base: URL;
    try {
      base = new URL(PRICES_PATH, this.options.endpoint?.trim() || DEFAULT_PRICES_ENDPOINT);
    } catch {
      return { ok: false, reason: `retail-prices-endpoint '${this.options.endpoint}' is not a URL` };
    }
    // Quoted as Microsoft's examples write it; spaces as %20 (URLSearchParams would send '+').
    base.search = `currencyCode=${encodeURIComponent(`'${currency}'`)}&$filter=${encodeURIComponent(retailPricesFilter(region))}`;

    const limitMs = this.options.timeLimitMs ?? PRICES_TIME_LIMIT_MS;
    // One limit for all pages together: the abort ends whichever request is under way.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limitMs);
    const items: PriceItem[] = [];
    try {
      let url: string | undefined = base.toString();
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const body = await this.get(url, abort.signal);
        if (typeof body === 'string') return { ok: false, reason: body };
        items.push(...(Array.isArray(body.Items) ? body.Items.filter(isPriceItem) : []));
        url = nextPage(body.NextPageLink, base);
      }
    } catch (e) {
      if (abort.signal.aborted || (e as Error).name === 'AbortError')
        return {
          ok: false,
          reason: `the Azure Retail Prices API did not answer within ${Math.round(limitMs / 1000)} s`,
        };
      return { ok: false, reason: `the Azure Retail Prices API could not be reached (${errorText(e)})` };
    } finally {
      clearTimeout(timer);
    }
    if (!items.length)
      return {
        ok: false,
        reason: `the Azure Retail Prices API lists no ${SERVICE_NAME} prices in ${region} (${currency})`,
      };
    const now = (this.options.now ?? (() => new Date()))();
    return {
      ok: true,
      list: { items, region, currency, source: base.host, readOn: now.toISOString().slice(0, 10) },
    };
  }

  /** One page: the parsed body, or a reason when the API said no. */
  private async get(url: string, signal: AbortSignal): Promise<{ Items?: unknown[]; NextPageLink?: unknown } | string> {
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
    request.headers.set('Accept', 'application/json');
    const response = await this.getPipeline().sendRequest(this.httpClient, request);
    if (response.status !== 200)
      return `the Azure Retail Prices API answered HTTP ${response.status}${apiMessage(response.bodyAsText)}`;
    try {
      const body = JSON.parse(response.bodyAsText ?? '') as unknown;
      if (typeof body === 'object' && body !== null) return body as { Items?: unknown[]; NextPageLink?: unknown };
    } catch {
      // fall through
    }
    return 'the Azure Retail Prices API answered with a body that is not a price list';
  }

  private getPipeline(): Pipeline {
    if (!this.pipeline) {
      // No bearer or other auth policy: the API is public, and this pipeline never carries a token.
      const pipeline = createPipelineFromOptions({
        retryOptions: { maxRetries: 0 },
        ...(this.options.userAgent ? { userAgentOptions: { userAgentPrefix: this.options.userAgent } } : {}),
      });
      if (this.options.agent) pipeline.addPolicy(agentPolicy(this.options.agent));
      this.pipeline = pipeline;
    }
    return this.pipeline;
  }
}

/** The next page, only on the price list's own origin (a link elsewhere ends the paging). */
function nextPage(link: unknown, base: URL): string | undefined {
  if (typeof link !== 'string' || !link) return undefined;
  try {
    const url = new URL(link, base);
    return url.origin === base.origin ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function isPriceItem(v: unknown): v is PriceItem {
  const i = v as Partial<PriceItem> | null;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.meterName === 'string' &&
    typeof i.productName === 'string' &&
    typeof i.skuName === 'string' &&
    typeof i.unitOfMeasure === 'string' &&
    typeof i.retailPrice === 'number' &&
    Number.isFinite(i.retailPrice)
  );
}

/** The API's own error text, when it gives one (`{"Error":{"Code","Message"}}`). */
function apiMessage(text: string | undefined | null): string {
  try {
    const body = JSON.parse(text ?? '') as { Error?: { Message?: unknown }; error?: { message?: unknown } };
    const m = body.Error?.Message ?? body.error?.message;
    return typeof m === 'string' && m ? `: ${m.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

function errorText(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  return typeof err?.code === 'string' ? err.code : String(err?.message ?? e).slice(0, 200);
}
