import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../src/openapi-types.ts';

writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`Wrote ${API_TYPES_FILE}`);
