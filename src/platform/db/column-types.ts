import type { Engine } from './database.ts';

/** Column types that differ between the engines; everything else is written once. */
export function columnTypes(engine: Engine) {
  return engine === 'postgres'
    ? ({ timestamp: 'timestamptz', bigint: 'bigint', serialPk: 'bigserial' } as const)
    : ({ timestamp: 'text', bigint: 'integer', serialPk: 'integer' } as const);
}
