// The Azure Retail Prices API (https://prices.azure.com/api/retail/prices): public, no sign-in.
// Serves Data Factory's pay-as-you-go meters for eastus and westeurope in USD and EUR, applies the
// OData `$filter` (eq, and, or, parentheses: what clients of the API send), pages with
// `NextPageLink` ($skip), and answers in the documented envelope
// `{ BillingCurrency, CustomerEntityId, CustomerEntityType, Items, NextPageLink, Count }`.
// Item fields and meter / product / SKU names are those of real responses (Microsoft Learn, "Azure
// Retail Prices overview"; public code quoting real items, see src/cost/meters.ts). The amounts
// are modelled on the public USD list prices of eastus; the westeurope and EUR figures are
// made up (scaled) so tests can tell region and currency apart: they are not Microsoft's.
import type { Call, Reply, ServiceDef } from './server.ts';
import type { StatusFault } from './types.ts';
import { guid } from './util.ts';

export interface RetailPriceItem {
  currencyCode: string;
  tierMinimumUnits: number;
  retailPrice: number;
  unitPrice: number;
  armRegionName: string;
  location: string;
  effectiveStartDate: string;
  meterId: string;
  meterName: string;
  productId: string;
  skuId: string;
  productName: string;
  skuName: string;
  serviceName: string;
  serviceId: string;
  serviceFamily: string;
  unitOfMeasure: string;
  type: string;
  isPrimaryMeterRegion: boolean;
  armSkuName: string;
}

export interface RetailPricesConfig {
  /** Items per page (the real API: 100). */
  pageSize: number;
  /** The catalog served; change it to test unknown meters, tiers, other dates. */
  items: RetailPriceItem[];
}

const REGIONS: Record<string, { location: string; scale: number }> = {
  eastus: { location: 'US East', scale: 1 },
  westeurope: { location: 'EU West', scale: 1.1 },
};
/** USD -> currency, made up for the emulator (not an exchange rate anyone publishes). */
const CURRENCIES: Record<string, number> = { USD: 1, EUR: 0.9 };

/** [productName, skuName, meterName, unitOfMeasure, USD price in eastus] */
const METERS: Array<[string, string, string, string, number]> = [
  ['Azure Data Factory v2', 'Cloud', 'Cloud Orchestration Activity Run', '1K', 1],
  ['Azure Data Factory v2', 'Cloud', 'Cloud Data Movement', '1 Hour', 0.25],
  ['Azure Data Factory v2', 'Cloud', 'Cloud Pipeline Activity', '1 Hour', 0.005],
  ['Azure Data Factory v2', 'Cloud', 'Cloud External Pipeline Activity', '1 Hour', 0.00025],
  ['Azure Data Factory v2', 'Cloud', 'Cloud Read Write Operations', '50K', 0.5],
  ['Azure Data Factory v2', 'Cloud', 'Cloud Monitoring Operations', '50K', 0.25],
  ['Azure Data Factory v2', 'Self Hosted', 'Self Hosted Orchestration Activity Run', '1K', 1.5],
  ['Azure Data Factory v2', 'Self Hosted', 'Self Hosted Data Movement', '1 Hour', 0.1],
  ['Azure Data Factory v2', 'Self Hosted', 'Self Hosted Pipeline Activity', '1 Hour', 0.002],
  ['Azure Data Factory v2', 'Self Hosted', 'Self Hosted External Pipeline Activity', '1 Hour', 0.0001],
  ['Azure Data Factory v2', 'Azure Managed VNET', 'Azure Managed VNET Orchestration Activity Run', '1K', 1],
  ['Azure Data Factory v2', 'Azure Managed VNET', 'Azure Managed VNET Data Movement', '1 Hour', 0.25],
  ['Azure Data Factory v2', 'Azure Managed VNET', 'Azure Managed VNET Pipeline Activity', '1 Hour', 1],
  ['Azure Data Factory v2', 'Azure Managed VNET', 'Azure Managed VNET External Pipeline Activity', '1 Hour', 1],
  ['Azure Data Factory v2 Data Flow - General Purpose', 'vCore', 'vCore', '1 Hour', 0.274],
  ['Azure Data Factory v2 Data Flow - Memory Optimized', 'vCore', 'vCore', '1 Hour', 0.343],
  ['Azure Data Factory v2 Data Flow - Compute Optimized', 'vCore', 'vCore', '1 Hour', 0.199],
  // What a filter on serviceName alone also returns (SSIS runtimes): must not be picked up.
  ['SQL Server Integration Services', 'D4 v3', 'D4 v3', '1 Hour', 1.181],
];

/** A stable GUID-looking id from a text (the real ids are opaque). */
function idOf(text: string): string {
  let h = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const c of `${round}${text}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

const round = (x: number) => Number(x.toPrecision(6));

/** The emulator's catalog: every meter in every region and currency, pay-as-you-go plus a dev/test copy. */
export function defaultRetailPriceItems(): RetailPriceItem[] {
  const items: RetailPriceItem[] = [];
  for (const [region, { location, scale }] of Object.entries(REGIONS))
    for (const [currency, rate] of Object.entries(CURRENCIES))
      for (const [productName, skuName, meterName, unitOfMeasure, usd] of METERS)
        for (const type of ['Consumption', 'DevTestConsumption']) {
          const price = round(usd * scale * rate * (type === 'DevTestConsumption' ? 0.5 : 1));
          items.push({
            currencyCode: currency,
            tierMinimumUnits: 0,
            retailPrice: price,
            unitPrice: price,
            armRegionName: region,
            location,
            effectiveStartDate: '2021-11-01T00:00:00Z',
            meterId: idOf(`${region}|${meterName}|${productName}|${type}`),
            meterName,
            productId: `DZH318Z0${idOf(productName).slice(0, 4).toUpperCase()}`,
            skuId: `DZH318Z0${idOf(productName).slice(0, 4).toUpperCase()}/${idOf(skuName).slice(0, 4).toUpperCase()}`,
            productName,
            skuName,
            serviceName: 'Azure Data Factory v2',
            serviceId: 'DZH317F1HKN0',
            serviceFamily: 'Analytics',
            unitOfMeasure,
            type,
            isPrimaryMeterRegion: true,
            armSkuName: '',
          });
        }
  return items;
}

export class RetailPricesWorld {
  apiUrl = '';
  readonly config: RetailPricesConfig = { pageSize: 100, items: defaultRetailPriceItems() };
}

// ---- OData $filter: `field eq 'value'`, `and`, `or`, parentheses -----------------------------------

type Expr = { eq: [string, string] } | { and: [Expr, Expr] } | { or: [Expr, Expr] };

const FIELDS: Record<string, keyof RetailPriceItem> = {
  servicename: 'serviceName',
  armregionname: 'armRegionName',
  location: 'location',
  pricetype: 'type',
  productname: 'productName',
  skuname: 'skuName',
  metername: 'meterName',
  servicefamily: 'serviceFamily',
  armskuname: 'armSkuName',
  currencycode: 'currencyCode',
};

export function parseFilter(text: string): Expr {
  const tokens = text.match(/'(?:[^']|'')*'|\(|\)|[A-Za-z]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const primary = (): Expr => {
    if (peek() === '(') {
      i++;
      const e = disjunction();
      if (tokens[i++] !== ')') throw new Error('missing )');
      return e;
    }
    const field = tokens[i++];
    if (!field || !FIELDS[field.toLowerCase()]) throw new Error(`Invalid filter field: ${field}`);
    if (peek() !== 'eq') throw new Error(`Only 'eq' is emulated, near ${field}`);
    i++;
    const value = tokens[i++];
    if (!value?.startsWith("'")) throw new Error(`Expected a quoted value after ${field} eq`);
    return { eq: [FIELDS[field.toLowerCase()]!, value.slice(1, -1).replace(/''/g, "'")] };
  };
  const conjunction = (): Expr => {
    let e = primary();
    while (peek() === 'and') {
      i++;
      e = { and: [e, primary()] };
    }
    return e;
  };
  const disjunction = (): Expr => {
    let e = conjunction();
    while (peek() === 'or') {
      i++;
      e = { or: [e, conjunction()] };
    }
    return e;
  };
  const e = disjunction();
  if (i !== tokens.length) throw new Error(`Unexpected '${tokens[i]}'`);
  return e;
}

function matches(e: Expr, item: RetailPriceItem): boolean {
  // Values are case-sensitive since api-version 2023-01-01-preview (Microsoft Learn).
  if ('eq' in e) return String(item[e.eq[0] as keyof RetailPriceItem]) === e.eq[1];
  if ('and' in e) return matches(e.and[0], item) && matches(e.and[1], item);
  return matches(e.or[0], item) || matches(e.or[1], item);
}

const unquote = (s: string | undefined) => (s ?? '').replace(/^'(.*)'$/, '$1');

function apiError(status: number, code: string, message: string): Reply {
  return { status, body: { Error: { Code: code, Message: message } } };
}

export function retailPricesService(world: RetailPricesWorld): ServiceDef {
  function handle(call: Call, op: string): Reply {
    if (op !== 'retailPrices') return apiError(404, 'NotFound', 'The requested resource was not found.');
    const currency = unquote(call.query.currencyCode).toUpperCase() || 'USD';
    let items = world.config.items.filter((i) => i.currencyCode === currency);
    const filter = call.query.$filter;
    if (filter) {
      let expr: Expr;
      try {
        expr = parseFilter(filter);
      } catch (e) {
        return apiError(400, 'InvalidFilter', (e as Error).message);
      }
      items = items.filter((i) => matches(expr, i));
    }
    const skip = Number(call.query.$skip ?? 0) || 0;
    const page = items.slice(skip, skip + world.config.pageSize);
    let next: string | null = null;
    if (skip + page.length < items.length) {
      // Absolute, with the port, as the real API writes it (https://prices.azure.com:443/...).
      const u = new URL(`${world.apiUrl}/api/retail/prices`);
      const params = Object.entries({ ...call.query, $skip: String(skip + page.length) }).map(
        ([k, v]) => `${k}=${encodeURIComponent(v)}`,
      );
      u.search = params.join('&');
      next = u.toString();
    }
    return {
      status: 200,
      body: {
        BillingCurrency: currency,
        CustomerEntityId: 'Default',
        CustomerEntityType: 'Retail',
        Items: page,
        NextPageLink: next,
        Count: page.length,
      },
    };
  }

  return {
    service: 'prices',
    classify: (call) =>
      call.method === 'GET' && call.path.replace(/\/+$/, '').toLowerCase() === '/api/retail/prices'
        ? 'retailPrices'
        : 'unknown',
    handle,
    faultReply(_call: Call, _op: string, fault: StatusFault): Reply {
      return apiError(
        fault.status,
        fault.code ?? (fault.status >= 500 ? 'InternalServerError' : 'BadRequest'),
        fault.message ?? `Error ${fault.status}`,
      );
    },
    finish(_call: Call, _op: string, reply: Reply): Reply {
      return { ...reply, headers: { 'x-ms-request-id': guid(), ...(reply.headers ?? {}) } };
    },
  };
}
