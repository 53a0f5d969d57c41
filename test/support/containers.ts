import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';

/** A database server a suite can use: its URL, and how to stop it (a no-op for a server we did not start). */
export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

const RUNTIME_CHECK_MS = 5_000;
/** Image pulls on a cold machine are slow; a suite's beforeAll gives startup this long. */
export const CONTAINER_STARTUP_MS = 180_000;

export const ESDB_URL_VAR = 'LENDCORE_TEST_ESDB_URL';
export const MONGO_URL_VAR = 'LENDCORE_TEST_MONGO_URL';

const ESDB_IMAGE = process.env.LENDCORE_TEST_ESDB_IMAGE ?? 'docker.kurrent.io/kurrent-latest/kurrentdb:25.0.1';
const MONGO_IMAGE = process.env.LENDCORE_TEST_MONGO_IMAGE ?? 'mongo:7.0';

/**
 * Why a suite needing `urlVar`'s server must skip, or null when it can run: the URL is set, or a
 * container runtime answers within a few seconds (without `urlVar`, only the runtime counts).
 * Meant for a top-level await before `describe`.
 */
export async function skipReason(urlVar?: string): Promise<string | null> {
  if (urlVar !== undefined && process.env[urlVar]) return null;
  const unset = urlVar === undefined ? '' : ` and ${urlVar} is not set`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no container runtime answered within ${RUNTIME_CHECK_MS / 1000}s${unset}`), RUNTIME_CHECK_MS);
  });
  const probe = getContainerRuntimeClient().then(
    () => null,
    (error: unknown) => `no container runtime (${error instanceof Error ? error.message.split('\n')[0] : String(error)})${unset}`,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** EventStoreDB/KurrentDB: `LENDCORE_TEST_ESDB_URL` when set, else an insecure in-memory node in a container. */
export async function startEventStoreDb(): Promise<TestServer> {
  const url = process.env[ESDB_URL_VAR];
  if (url) return { url, stop: async () => {} };
  const container = await new GenericContainer(ESDB_IMAGE)
    .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_MEM_DB: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300))
    .withStartupTimeout(CONTAINER_STARTUP_MS)
    .start();
  return served(container, `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`);
}

/**
 * MongoDB as a one-member replica set (transactions need one): `LENDCORE_TEST_MONGO_URL` when
 * set, else a container whose set is initiated here. `directConnection` because the member
 * advertises its in-container address, which the host cannot reach.
 */
export async function startMongo(): Promise<TestServer> {
  const url = process.env[MONGO_URL_VAR];
  if (url) return { url, stop: async () => {} };
  const container = await new GenericContainer(MONGO_IMAGE)
    .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(CONTAINER_STARTUP_MS)
    .start();
  try {
    await initiateReplicaSet(container);
  } catch (error) {
    await container.stop();
    throw error;
  }
  return served(container, `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`);
}

/** A standalone mongod (no replica set), to prove the read store refuses one. Needs a container runtime. */
export async function startStandaloneMongo(): Promise<TestServer> {
  const container = await new GenericContainer(MONGO_IMAGE)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(CONTAINER_STARTUP_MS)
    .start();
  return served(container, `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/`);
}

async function initiateReplicaSet(container: StartedTestContainer): Promise<void> {
  const initiate = `try { rs.status().ok } catch (e) { rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:27017' }] }).ok }`;
  const result = await container.exec(['mongosh', '--quiet', '--eval', initiate]);
  if (result.exitCode !== 0) throw new Error(`rs.initiate failed: ${result.output}`);
  // Election takes a moment; a bounded number of polls, not a timing assertion.
  for (let attempt = 0; attempt < 60; attempt++) {
    const hello = await container.exec(['mongosh', '--quiet', '--eval', 'db.hello().isWritablePrimary']);
    if (hello.output.trim() === 'true') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the MongoDB replica set elected no primary');
}

function served(container: StartedTestContainer, url: string): TestServer {
  return { url, stop: async () => void (await container.stop()) };
}
