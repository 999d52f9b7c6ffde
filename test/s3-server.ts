/**
 * A real S3-compatible server for the recording tests (s3rver), run as a child process on
 * 127.0.0.1 with its objects under the directory given (`--dir=`), one bucket (`--bucket=`).
 * Prints `{"port":…}` once listening.
 */
import S3rver from 's3rver';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: arg('dir')!, configureBuckets: [{ name: arg('bucket')!, configs: [] }] });
const address = (await server.run()) as { port: number };
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
