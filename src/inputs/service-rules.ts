// What reading the inputs needs to know about the chosen service. Each service describes itself
// with these rules in its own folder (src/services/<service>/index.ts); main passes the registry
// in, so src/inputs/ names no service.

/** The inputs a service reads to find its pipelines, by input name, trimmed and checked. */
export type Location = Readonly<Record<string, string>>;

export interface LocationReader {
  /** The chosen service's name, for messages. */
  readonly service: string;
  /** The input, trimmed ('' when not given). */
  text(name: string): string;
  /** As text(); when empty, a problem: `'name' is required.`, or with `why`: `... with service: s (why).` */
  required(name: string, why?: string): string;
  /** An https URL without trailing slashes ('' when not given or refused). */
  httpsUrl(name: string): string;
  problem(message: string): void;
}

/** An input that asks for a behaviour the service cannot give: refused before any request. */
export interface Refusal {
  input: string;
  why: string;
  /** What to do instead (default: remove it). */
  instead?: string;
}

export interface ServiceInputRules {
  /** The `service` input's value that chooses it. */
  readonly name: string;
  /**
   * Inputs that only say where this service finds its pipelines. Given to another service, which
   * does not read them, they are ignored with a warning (reusable workflows pass one set to all).
   */
  readonly locatedBy: readonly string[];
  /** Reads and checks the inputs of `locatedBy`. */
  readLocation(read: LocationReader): Location;
  /** For inputs of other services given to this one: what to use instead, for the warning. */
  readonly insteadOf?: Readonly<Record<string, string>>;
  /** What its run IDs are called in messages ("a pipeline run ID"). */
  readonly runIdNoun: string;
  /** Set when `run-id` needs `pipeline-name` too: says why. */
  readonly pipelineWithRunId?: string;
  /** The service's rule for pipeline names; absent when any name goes (Fabric's display names). */
  readonly pipelineName?: { test(name: string): boolean; rule: string };
  /** Inputs it cannot honour. */
  readonly refuses?: readonly Refusal[];
}
