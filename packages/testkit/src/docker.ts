import { getContainerRuntimeClient } from 'testcontainers';

/** True when testcontainers can reach a container engine; false, quietly, when there is none. */
export async function dockerReachable(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
