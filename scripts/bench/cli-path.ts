import { fileURLToPath } from 'node:url';

/** This checkout's command line; CXONE_BENCH_CLI names another build's bin (to compare before and after a change). */
export const cliPath = () => process.env.CXONE_BENCH_CLI ?? fileURLToPath(new URL('../../bin/cxone-console.mjs', import.meta.url));
