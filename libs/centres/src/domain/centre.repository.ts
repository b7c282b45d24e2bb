import { Centre } from './centre';

/** Port: loads and saves the Centre aggregate (with its events, atomically). */
export abstract class CentreRepository {
  /** The centre, or undefined when it does not exist or was deleted. */
  abstract findById(id: string): Promise<Centre | undefined>;
  abstract save(centre: Centre): Promise<void>;
}
