// Worker threads do not inherit loader hooks registered at run time (bin/ringfence.js registers
// tsx that way), so this thread registers tsx itself before loading the walker.
import { register } from 'tsx/esm/api';

register();
await import('./chain-walker.worker.ts');
