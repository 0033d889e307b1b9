import { readOgcPage, type BagPremises } from '../../domain/bagPremises';
import { getJson, ServiceError, type HttpOptions } from './http';
import { TokenBucket } from './tokenBucket';

export const DEFAULT_BAG_OGC_URL = 'https://api.pdok.nl/kadaster/bag/ogc/v2';
/** A larger area than this many pages (of 1,000) is refused rather than fetched for minutes. */
export const MAX_PAGES = 50;

/** BAG verblijfsobjecten in a bounding box, every page. */
export interface BagSource {
  premisesInBbox(bbox: [number, number, number, number]): Promise<{ premises: BagPremises[]; requests: number }>;
}

export interface PdokBagOptions extends HttpOptions {
  baseUrl: string;
  ratePerSecond: number;
  pageSize?: number;
}

/** PDOK BAG OGC API Features: `collections/verblijfsobject/items?bbox=…` (CRS84), following rel=next. */
export class PdokBagSource implements BagSource {
  private readonly bucket: TokenBucket;

  constructor(private readonly options: PdokBagOptions) {
    this.bucket = new TokenBucket(options.ratePerSecond);
  }

  async premisesInBbox(bbox: [number, number, number, number]) {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}/collections/verblijfsobject/items`);
    url.searchParams.set('f', 'json');
    url.searchParams.set('limit', String(this.options.pageSize ?? 1000));
    url.searchParams.set('bbox', bbox.map((n) => n.toFixed(6)).join(','));
    let next: string | null = url.toString();
    const premises: BagPremises[] = [];
    let requests = 0;
    while (next) {
      if (requests >= MAX_PAGES) throw new ServiceError('bad_answer', `More than ${MAX_PAGES} pages of BAG objects: the area is too large`);
      await this.bucket.take();
      const body = await getJson(next, this.options);
      requests += 1;
      const page = readOgcPage(body);
      if (!page) throw new ServiceError('bad_answer', 'The BAG OGC API answered without a FeatureCollection');
      premises.push(...page.premises);
      next = page.read === 0 ? null : page.next;
    }
    return { premises, requests };
  }
}
