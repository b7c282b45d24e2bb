// Step 3: find or provide PostgreSQL+PostGIS and Redis, then create the database and extensions.
//   1. the configured URLs, if they answer;
//   2. else Docker Compose (docker-compose.yml), if a Docker engine answers;
//   3. else, as root on Debian, apt-get install + start the local servers;
//   4. else stop with a message saying what to install or which variable to set.
// CAREBOOK_NO_INSTALL=1 skips 2 and 3 (and the PostGIS apt-get install).
import {
  aptInstall, canUseApt, composeUp, createCluster, dockerEngine, installedPostgresVersions, installsDisabled,
  isLocalHost, listClusters, portInUse, psqlAsPostgres, startCluster, startRedisServer,
} from './system.mjs';
import {
  EXTENSIONS, availableExtensions, createExtensions, describeError, ensureDatabase, loadPg, parsePgUrl,
  probePostgres, quoteLiteral, where, withCredentials, withDatabase,
} from './postgres.mjs';
import { parseRedisUrl, probeRedis, redisWhere } from './redis.mjs';
import { sleep, which } from './proc.mjs';
import { FatalError, maskUrl, ok, step } from './ui.mjs';

export const DOCKER_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/carebook';
export const DOCKER_REDIS_URL = 'redis://127.0.0.1:6379';
/** The role created on a PostgreSQL server this script installed (or whose default URL it could not use). */
const LOCAL_ROLE = { user: 'carebook', password: 'carebook' };

/** Poll probe() until it answers ok (or something other than 'down'), for at most ms. */
async function waitFor(probe, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const result = await probe();
    if (result.ok || result.kind !== 'down' || Date.now() >= until) return result;
    await sleep(500);
  }
}

/**
 * db / redis: { url, userSet, name } — the URL to use, whether the user chose it (shell or .env)
 * and the variable to mention in messages. → { databaseUrl, redisUrl } that answer, with the
 * database and its extensions in place.
 */
export async function ensureServices({ root, env, db, redis }) {
  loadPg(root);
  const noInstall = installsDisabled(env);
  const apt = !noInstall && canUseApt();
  const notes = []; // why a fallback was not used, for the final error message
  let dbUrl = db.url;
  let redisUrl = redis.url;
  const database = parsePgUrl(dbUrl).database;
  parseRedisUrl(redisUrl); // validate early
  const via = { db: '', redis: '' };

  let [pgResult, redisResult] = await Promise.all([probePostgres(dbUrl), probeRedis(redisUrl)]);
  const pgLocal = () => isLocalHost(parsePgUrl(dbUrl).host);
  const redisLocal = () => isLocalHost(parseRedisUrl(redisUrl).host);

  // The default URL has no password: a server that wants one may be our own Docker container
  // or a role an earlier run created; try those credentials before anything else.
  if (!pgResult.ok && pgResult.kind === 'auth' && !db.userSet) {
    const docker = new URL(DOCKER_DATABASE_URL);
    for (const [user, password] of [[docker.username, docker.password], [LOCAL_ROLE.user, LOCAL_ROLE.password]]) {
      const candidate = withCredentials(dbUrl, user, password);
      const result = await probePostgres(candidate);
      if (result.ok) {
        [dbUrl, pgResult] = [candidate, result];
        break;
      }
    }
  }

  // 2. Docker Compose, for what does not answer at all on this machine.
  const composeServices = [];
  if (!pgResult.ok && pgResult.kind === 'down' && pgLocal()) composeServices.push('postgres');
  if (!redisResult.ok && redisResult.kind === 'down' && redisLocal()) composeServices.push('redis');
  if (composeServices.length && noInstall) notes.push('Docker and apt-get were not tried because CAREBOOK_NO_INSTALL is set.');
  if (composeServices.length && !noInstall) {
    const docker = await dockerEngine();
    if (!docker.ok) {
      notes.push(`Docker was not used: ${docker.reason}.`);
    } else {
      if (!(await portInUse(1025)) && !(await portInUse(8025))) composeServices.push('mailpit');
      if (await composeUp(root, composeServices)) {
        if (composeServices.includes('postgres')) {
          if (!db.userSet) dbUrl = withDatabase(DOCKER_DATABASE_URL, database);
          pgResult = await waitFor(() => probePostgres(dbUrl), 60000);
          via.db = ' via Docker';
        }
        if (composeServices.includes('redis')) {
          if (!redis.userSet) redisUrl = DOCKER_REDIS_URL;
          redisResult = await waitFor(() => probeRedis(redisUrl), 30000);
          via.redis = ' via Docker';
        }
      } else {
        notes.push('docker compose up failed (see its output above).');
      }
    }
  }

  // 3. Local servers from Debian packages (root only).
  const pgFixable = !pgResult.ok && pgLocal() && (pgResult.kind === 'down' || (pgResult.kind === 'auth' && !db.userSet));
  const redisFixable = !redisResult.ok && redisResult.kind === 'down' && redisLocal();
  if ((pgFixable || redisFixable) && !noInstall && !apt) {
    notes.push('apt-get was not used: installing needs root on Debian/Ubuntu.');
  }
  if ((pgFixable || redisFixable) && apt) {
    const missing = [];
    if (pgFixable && installedPostgresVersions().length === 0) missing.push('postgresql');
    if (redisFixable && !which('redis-server')) missing.push('redis-server');
    if (missing.length) await aptInstall(missing, 'not installed');
    if (pgFixable) {
      ({ dbUrl, pgResult } = await localPostgres({ dbUrl, db, pgResult, notes, installed: missing.includes('postgresql') }));
      via.db = missing.includes('postgresql') ? ' (installed with apt-get)' : '';
    }
    if (redisFixable) {
      redisResult = await probeRedis(redisUrl); // the package may have started one
      if (!redisResult.ok && redisResult.kind === 'down') {
        await startRedisServer(parseRedisUrl(redisUrl).port);
        redisResult = await waitFor(() => probeRedis(redisUrl), 10000);
      }
      via.redis = missing.includes('redis-server') ? ' (installed with apt-get)' : '';
    }
  }

  // 4. Still nothing: say exactly what to do.
  if (!pgResult.ok) throw postgresError(dbUrl, db, pgResult, notes);
  if (!redisResult.ok) throw redisError(redisUrl, redis, redisResult, notes);

  // The database and its extensions.
  const created = await ensureDatabase(dbUrl);
  const major = Math.floor(pgResult.versionNum / 10000);
  await ensureExtensionsAvailable(dbUrl, major, { apt });
  const postgis = await createExtensions(dbUrl);
  const postgisShort = postgis ? postgis.split('.').slice(0, 2).join('.') : '?';
  ok(`PostgreSQL ${major} at ${where(dbUrl)}${via.db} (database ${database}${created ? ', created' : ''}, PostGIS ${postgisShort})`);
  const redisVersion = redisResult.version ? ` ${redisResult.version.split('.').slice(0, 2).join('.')}` : '';
  ok(`Redis${redisVersion} at ${redisWhere(redisUrl)}${via.redis}`);
  return { databaseUrl: dbUrl, redisUrl };
}

/** Make a local Debian PostgreSQL cluster run and give us a URL that logs in. */
async function localPostgres({ dbUrl, db, pgResult, notes, installed }) {
  const { port } = parsePgUrl(dbUrl);
  let clusters = await listClusters();
  if (clusters.length === 0) {
    const [version] = installedPostgresVersions();
    if (!version || !which('pg_createcluster')) {
      notes.push('No Debian PostgreSQL cluster was found to start (pg_lsclusters / pg_createcluster).');
      return { dbUrl, pgResult };
    }
    step(`Creating PostgreSQL ${version} cluster "main" on port ${port}…`);
    await createCluster(version, port);
    clusters = await listClusters();
  }
  const cluster = clusters.find((c) => c.port === port) ?? (db.userSet ? null : clusters[0]);
  if (!cluster) {
    notes.push(`No local PostgreSQL cluster is set up on port ${port} (pg_lsclusters lists ${clusters.map((c) => `${c.version}/${c.name} on ${c.port}`).join(', ')}).`);
    return { dbUrl, pgResult };
  }
  if (!cluster.online) await startCluster(cluster);
  if (cluster.port !== port) {
    const u = new URL(dbUrl);
    u.port = String(cluster.port);
    dbUrl = u.toString();
  }
  pgResult = await waitFor(() => probePostgres(dbUrl), 20000);

  // A fresh install (password auth on 127.0.0.1) or a default URL the server refuses:
  // create a superuser role over the unix socket and use it.
  const refused = !pgResult.ok && pgResult.kind === 'auth';
  if (refused || (installed && !pgResult.ok)) {
    let { user, password } = LOCAL_ROLE;
    if (db.userSet) {
      const u = new URL(dbUrl);
      if (!installed || !u.password || decodeURIComponent(u.username) === 'postgres') {
        notes.push(`The local server refused the login of ${db.name}; this script only creates roles on a server it installed.`);
        return { dbUrl, pgResult };
      }
      [user, password] = [decodeURIComponent(u.username), decodeURIComponent(u.password)];
    }
    if (!db.userSet) {
      // Created by an earlier run?
      const candidate = withCredentials(dbUrl, user, password);
      const again = await probePostgres(candidate);
      if (again.ok) return { dbUrl: candidate, pgResult: again };
    }
    step(`Creating PostgreSQL role "${user}" (superuser) on the local server…`);
    const role = `"${user.replace(/"/g, '""')}"`;
    await psqlAsPostgres(
      cluster.port,
      `DO $carebook$ BEGIN
         IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(user)}) THEN
           ALTER ROLE ${role} LOGIN SUPERUSER PASSWORD ${quoteLiteral(password)};
         ELSE
           CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD ${quoteLiteral(password)};
         END IF;
       END $carebook$;\n`,
    );
    if (!db.userSet) dbUrl = withCredentials(dbUrl, user, password);
    pgResult = await waitFor(() => probePostgres(dbUrl), 10000);
  }
  return { dbUrl, pgResult };
}

/** PostGIS & co. must be installable; install PostGIS with apt-get for a local Debian server. */
async function ensureExtensionsAvailable(dbUrl, major, { apt }) {
  let available = await availableExtensions(dbUrl);
  let missing = EXTENSIONS.filter((e) => !available.has(e));
  if (missing.includes('postgis') && apt && (await isLocalDebianCluster(dbUrl, major))) {
    await aptInstall([`postgresql-${major}-postgis-3`], `PostGIS for PostgreSQL ${major}`);
    available = await availableExtensions(dbUrl);
    missing = EXTENSIONS.filter((e) => !available.has(e));
  }
  if (missing.length === 0) return;
  const hints = [];
  if (missing.includes('postgis')) {
    hints.push(
      `Install PostGIS 3 on that server, e.g. Debian/Ubuntu: sudo apt-get install postgresql-${major}-postgis-3 · macOS: brew install postgis`,
      'or use the PostGIS image: docker compose up -d postgres (and unset DATABASE_URL).',
    );
  }
  const contrib = missing.filter((e) => e !== 'postgis');
  if (contrib.length) hints.push(`${contrib.join(', ')} come with the PostgreSQL contrib modules (postgresql-contrib).`);
  throw new FatalError(`PostgreSQL ${major} at ${where(dbUrl)} lacks the extension(s) ${missing.join(', ')}.`, hints);
}

/** Is the server of this URL a Debian-managed cluster on this machine (so apt-get can add PostGIS)? */
async function isLocalDebianCluster(dbUrl, major) {
  const { host, port } = parsePgUrl(dbUrl);
  if (!isLocalHost(host)) return false;
  const clusters = await listClusters();
  return clusters.some((c) => c.online && c.port === port && Math.floor(Number(c.version)) === major);
}

function postgresError(dbUrl, db, result, notes) {
  const target = `${where(dbUrl)} (${maskUrl(dbUrl)})`;
  if (result.kind === 'auth') {
    return new FatalError(`PostgreSQL at ${target} refused the login: ${describeError(result.error)}`, [
      `Set ${db.name} (in your shell or in .env) with a user and password that server accepts,`,
      `e.g. ${db.name}=postgres://USER:PASSWORD@${where(dbUrl)}/${parsePgUrl(dbUrl).database}`,
    ]);
  }
  if (result.kind === 'other') {
    return new FatalError(`PostgreSQL at ${target} answered with an error: ${describeError(result.error)}`, [
      `Check the server or set ${db.name} (in your shell or in .env) to another one.`,
    ]);
  }
  return new FatalError(`PostgreSQL is not reachable at ${target}: ${describeError(result.error)}`, [
    ...notes,
    'Do one of:',
    `  • set ${db.name} (in your shell or in .env) to a running PostgreSQL 15+ server with PostGIS 3;`,
    '  • start a Docker engine and re-run: docker-compose.yml provides PostgreSQL+PostGIS, Redis and Mailpit;',
    '  • install and start them yourself — Debian/Ubuntu: sudo apt-get install postgresql postgresql-15-postgis-3 redis-server,',
    '    macOS: brew install postgresql@15 postgis redis && brew services start postgresql@15 && brew services start redis.',
  ]);
}

function redisError(redisUrl, redis, result, notes) {
  const target = `${redisWhere(redisUrl)} (${maskUrl(redisUrl)})`;
  if (result.kind !== 'down') {
    return new FatalError(`Redis at ${target} answered with an error: ${result.error.message}`, [
      `Set ${redis.name} (in your shell or in .env) with the right password/database, e.g. redis://:PASSWORD@${redisWhere(redisUrl)}/0`,
    ]);
  }
  return new FatalError(`Redis is not reachable at ${target}: ${describeError(result.error)}`, [
    ...notes,
    'Do one of:',
    `  • set ${redis.name} (in your shell or in .env) to a running Redis 6.2+ server;`,
    '  • start a Docker engine and re-run (docker-compose.yml provides Redis);',
    '  • install and start it yourself — Debian/Ubuntu: sudo apt-get install redis-server, macOS: brew install redis && brew services start redis.',
  ]);
}
