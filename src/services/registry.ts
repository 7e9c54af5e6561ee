// Every service the action can run pipelines in, one line each. Adding a service: its folder,
// one line here, its emulator and its docs (docs/adding-a-service.md).
import { dataFactory } from './data-factory/index.js';
import { fabric } from './fabric/index.js';
import { synapse } from './synapse/index.js';

export const SERVICES = [dataFactory, synapse, fabric] as const;

export type RegisteredService = (typeof SERVICES)[number];
