/**
 * Every migration, in order. `npm run migration:generate -- migrations/<Name>` writes a new
 * file here; add its class to this list (explicit beats a glob that differs between ts and js).
 */
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Centres1764000000100 } from './1764000000100-centres';
import { Identity1764000000200 } from './1764000000200-identity';

export const migrations = [Foundation1764000000000, Centres1764000000100, Identity1764000000200];
