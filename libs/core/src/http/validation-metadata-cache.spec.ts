import { IsInt, IsOptional, IsString, Min, getMetadataStorage, validate } from 'class-validator';
import { installValidationMetadataCache } from './validation-metadata-cache';

class BaseQuery {
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

class NameQuery extends BaseQuery {
  @IsString()
  name!: string;
}

const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const of = <T extends object>(type: new () => T, fields: Record<string, unknown>) => Object.assign(new type(), fields);
const failures = async (value: object) =>
  (await validate(value, options)).map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()]);

describe('installValidationMetadataCache', () => {
  const storage = getMetadataStorage();

  it('answers the same metadata as the uncached lookup (inherited decorators included), once per class', async () => {
    const before = storage.getTargetValidationMetadatas(NameQuery, '', false, false);
    const invalid = of(NameQuery, { page: 0, name: 3, extra: 'x' });
    const expected = await failures(invalid);
    installValidationMetadataCache(storage);
    installValidationMetadataCache(storage); // idempotent
    const first = storage.getTargetValidationMetadatas(NameQuery, '', false, false);
    expect(first).toEqual(before);
    expect(storage.getTargetValidationMetadatas(NameQuery, '', false, false)).toBe(first);
    expect(await failures(invalid)).toEqual(expected);
    expect(expected).toEqual([
      ['extra', ['whitelistValidation']],
      ['name', ['isString']],
      ['page', ['min']],
    ]);
    expect(await failures(of(NameQuery, { name: 'ok', page: 2 }))).toEqual([]);
  });

  it('sees decorators registered after the cache was filled', async () => {
    installValidationMetadataCache(storage);
    class Later {
      @IsString()
      label!: string;
    }
    expect(await failures(of(NameQuery, { name: 'x' }))).toEqual([]);
    // A decorator applied to an already-validated class after the fact (as a late import would).
    IsInt()(NameQuery.prototype, 'count');
    expect(await failures(of(NameQuery, { name: 'x', count: 'many' }))).toEqual([['count', ['isInt']]]);
    expect(await failures(of(Later, { label: 1 }))).toEqual([['label', ['isString']]]);
  });
});
