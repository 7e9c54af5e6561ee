// The services the action can run pipelines in; each is one folder of src/services/, listed in
// src/services/registry.ts.
export type ServiceKind = 'data-factory' | 'synapse' | 'fabric';
