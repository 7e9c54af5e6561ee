// action.yml's descriptions are what the Marketplace and the generated docs/reference.md show: the
// action's in one line under 125 characters, each input's and output's in one or two sentences.
// The details live in docs/, not in action.yml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ActionYml {
  description: string;
  inputs: Record<string, { description: string }>;
  outputs: Record<string, { description: string }>;
}

const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as ActionYml;

/** Sentences end in . ! or ? before a space or the end; code spans (`1.5`, `a. b`) do not count. */
export function sentences(text: string): number {
  return (text.replace(/`[^`]*`/g, 'code').match(/[.!?](?=\s|$)/g) ?? []).length;
}

describe('action.yml descriptions', () => {
  it('counts sentences outside code spans', () => {
    expect(sentences('One. Two `a. b` still two.')).toBe(2);
    expect(sentences('No full stop')).toBe(0);
  });

  it('describes the action in under 125 characters', () => {
    expect(action.description.length).toBeLessThan(125);
  });

  const entries = [
    ...Object.entries(action.inputs).map(([n, d]) => [`input ${n}`, d.description] as const),
    ...Object.entries(action.outputs).map(([n, d]) => [`output ${n}`, d.description] as const),
  ];
  it.each(entries)('%s is one or two sentences', (_, description) => {
    expect(sentences(description)).toBeGreaterThanOrEqual(1);
    expect(sentences(description)).toBeLessThanOrEqual(2);
    expect(description.length).toBeLessThanOrEqual(200);
  });
});
