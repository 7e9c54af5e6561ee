// Where the real Azure recordings live: the team's shared folder beside the clone when present,
// else the vendored copy of the files the contract tests use (GitHub-hosted runners have no ../shared).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './action-runner.ts';

export const sharedRecordingsDir = path.resolve(repoRoot, '../shared/real-recordings');
export const vendoredRecordingsDir = path.resolve(repoRoot, 'test/fixtures/real-recordings');
export const recordingsDir = existsSync(path.join(sharedRecordingsDir, 'README.md'))
  ? sharedRecordingsDir
  : vendoredRecordingsDir;

/** The recording files the contract tests use (all vendored). */
export const RECORDING_FILES = [
  'azure-powershell__TestPipelineRunV2.json',
  'azure-powershell__TestCancelRunNegativeV2.json',
  'azure-sdk-for-net__CancelPipelineRun.json',
  'azure-powershell__TestPipelineV2.json',
  'azure-powershell__TestDataFactoryPipingV2.json',
  'azure-cli-extensions__test_datafactory_main.json',
  'azure-sdk-for-net__synapse_TestQueryRuns.json',
  'azure-sdk-for-net__synapse_TestQueryActivityAsync.json',
] as const;

export interface Interaction {
  method: string;
  path: string;
  query?: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders?: Record<string, string>;
  responseBody: unknown;
  note?: string;
}

export interface Recording {
  source: { repo: string; path: string; commit: string };
  recorded: string;
  notes: string;
  interactions: Interaction[];
}

export function recording(name: (typeof RECORDING_FILES)[number]): Recording {
  return JSON.parse(readFileSync(path.join(recordingsDir, name), 'utf8')) as Recording;
}
