// autocannon ships no types; this declares the part of its API (see its README) the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Worker threads that send the load, sharing the connections. */
      workers?: number;
      /** Seconds. */
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /**
       * Every connection sends these in turn, from the first, and starts over after the last;
       * unset fields come from the options above. Plain values only: they are copied to the workers.
       */
      requests?: Request[];
      /** Called with each connection before it starts; a function only without `workers`. */
      setupClient?: (client: Client) => void;
    }

    /** One connection. */
    interface Client {
      /** Replaces the requests this connection sends in turn. */
      setRequests(requests: Request[]): void;
    }

    interface Request {
      method?: string;
      /** The path and query, e.g. `/api/patients/search`. */
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    /** An hdr-histogram-percentiles-obj summary. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    }

    interface Result {
      /** Requests completed per second, sampled every second. */
      requests: Histogram;
      /** Milliseconds. */
      latency: Histogram;
      throughput: Histogram;
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      /** Answers per status code, e.g. `{ "200": { count: 500 } }`. */
      statusCodeStats: Record<string, { count: number }>;
    }
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
