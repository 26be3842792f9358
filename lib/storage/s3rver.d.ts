// Minimal typing for the test-only fake S3 server (the package ships none).
declare module "s3rver" {
  interface S3rverOpties {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(opties: S3rverOpties);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
