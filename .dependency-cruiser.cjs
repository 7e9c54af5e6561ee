/* global module */
// The layers of src/ (docs/architecture.md), lowest first. A module may import from its own layer
// or a lower one, never a higher one; no folder imports one that imports it back (no cycles); and
// every module in src/ is reached from an entry point (no orphans).
//
//   1  src/model/, src/runtime/     shared types, process helpers
//   2  src/http/                    REST client, errors, retry
//   3  src/auth/, src/inputs/       sign-in; reading and checking inputs (service-agnostic)
//   4  src/services/                the registry and one folder per service
//   5  src/cost/                    billable units and list prices of ended runs
//   6  src/report/                  rendering and publishing
//   7  src/run/                     the lifecycle
//   8  src/main.ts, src/post.ts, src/index.ts, src/post-index.ts   the composition root
const LAYERS = [
  { name: 'model-runtime', path: '^src/(model|runtime)/' },
  { name: 'http', path: '^src/http/' },
  { name: 'auth-inputs', path: '^src/(auth|inputs)/' },
  { name: 'services', path: '^src/services/' },
  { name: 'cost', path: '^src/cost/' },
  { name: 'report', path: '^src/report/' },
  { name: 'run', path: '^src/run/' },
  { name: 'root', path: '^src/(main|post|index|post-index)\\.ts$' },
];

/** One rule per layer: it may not import any layer above it. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.path} is layer ${i + 1}: it may import only from layers 1-${i + 1} (see docs/architecture.md).`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => l.path) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'inputs-name-no-service',
      comment:
        'src/inputs/ reads inputs for any service: the rules of the chosen one are passed in (src/services/registry.ts via main).',
      severity: 'error',
      from: { path: '^src/inputs/' },
      to: { path: '^src/services/' },
    },
    {
      name: 'no-circular',
      comment: 'A module may not import one that imports it back, directly or through others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'Every module in src/ is imported by another or is an entry point.',
      severity: 'error',
      from: {
        orphan: true,
        path: '^src/',
        pathNot: ['^src/(index|post-index)\\.ts$', '\\.d\\.ts$', '^src/tsconfig\\.json$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher layer is as much an upward dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
    },
    exclude: { path: '^src/runtime/stubs/' },
  },
};
