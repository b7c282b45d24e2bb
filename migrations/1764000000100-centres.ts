import { MigrationInterface, QueryRunner } from 'typeorm';

export class Centres1764000000100 implements MigrationInterface {
  name = 'Centres1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE centres (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        city        citext NOT NULL CHECK (length(btrim(city)) BETWEEN 1 AND 100),
        address     text NOT NULL CHECK (length(address) <= 500),
        phone       text NOT NULL CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        email       text,
        time_zone   text NOT NULL DEFAULT 'Asia/Kolkata',
        location    geography(Point, 4326) NOT NULL,
        is_active   boolean NOT NULL DEFAULT true,
        deleted_at  timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_centres_deleted_inactive" CHECK (deleted_at IS NULL OR NOT is_active)
      )`);
    await q.query(`CREATE INDEX "IDX_centres_location" ON centres USING gist (location)`);
    await q.query(`CREATE INDEX "IDX_centres_city" ON centres (city) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE centres`);
  }
}
