// The SQLite checkpointer, on a thread of its own (started by database.ts). Plain CommonJS:
// a worker thread does not inherit the TypeScript loader of the main thread.
//
// In WAL mode every commit appends to the log and, by default, the commit that fills it copies
// the log back into the database file and syncs it: a pause of many milliseconds for whichever
// request happened to commit. This thread does that copy instead, on its own connection, every
// few hundred milliseconds; a passive checkpoint never blocks a writer or a reader.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const SqliteDatabase = require('better-sqlite3');

const { file, intervalMs } = workerData;
const db = new SqliteDatabase(file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

function checkpoint() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next round tries again, and the main connection's safety-net
    // threshold still bounds the log.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
