import getPort from 'get-port';
import { GenericContainer, Wait } from 'testcontainers';

export interface StartedContainerServer<T> {
  value: T;
  stop(): Promise<void>;
}

/**
 * Apache Kafka in KRaft mode. The broker must advertise the address clients use, which is the
 * host's mapped port, so the port is chosen before the container starts and bound to itself.
 */
export async function startKafkaContainer(
  image: string,
): Promise<StartedContainerServer<string[]>> {
  const hostPort = await getPort();
  const container = await new GenericContainer(image)
    .withExposedPorts({ container: hostPort, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${hostPort},CONTROLLER://0.0.0.0:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return { value: [`127.0.0.1:${hostPort}`], stop: () => container.stop().then(() => undefined) };
}

export async function startClickHouseContainer(
  image: string,
): Promise<StartedContainerServer<string>> {
  const container = await new GenericContainer(image)
    .withExposedPorts(8123)
    // Passwordless default user, as in the local stack; the container is throwaway.
    .withEnvironment({ CLICKHOUSE_SKIP_USER_SETUP: '1' })
    .withWaitStrategy(Wait.forHttp('/ping', 8123).forStatusCode(200))
    .withStartupTimeout(120_000)
    .start();
  const url = `http://${container.getHost()}:${container.getMappedPort(8123)}`;
  return { value: url, stop: () => container.stop().then(() => undefined) };
}
