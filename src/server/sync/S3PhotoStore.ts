import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { PhotoStore } from './PhotoStore';

export interface S3PhotoStoreOptions {
  bucket: string;
  /** A key prefix inside the bucket (e.g. one installation's folder), without a trailing slash. */
  prefix?: string;
  endpoint?: string;
  region?: string;
  /** Path-style addresses (`endpoint/bucket/key`): what self-hosted S3-compatible stores expect. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Photos in an S3-compatible bucket. A PUT is atomic in S3 (an object is visible whole or not at
 * all), so a half-uploaded photo never becomes visible, like the folder store's write-then-rename.
 */
export class S3PhotoStore implements PhotoStore {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3PhotoStoreOptions) {
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    this.client = new S3Client(config);
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
  }

  private key(name: string): string {
    return `${this.prefix}${name.slice(0, 2)}/${name}`;
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256), Body: bytes, ContentLength: bytes.length }));
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      if (!res.Body) return null;
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        const name = o.Key?.slice(this.prefix.length).split('/').pop();
        if (name) yield name;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Start-up check: the bucket answers and takes a write. */
  async checkWritable(): Promise<void> {
    const probe = `.write-check-${process.pid}`;
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: `${this.prefix}${probe}`, Body: 'ok' }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: `${this.prefix}${probe}` }));
  }

  close(): void {
    this.client.destroy();
  }
}
