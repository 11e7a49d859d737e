import type { MethodInput, MethodName, MethodOutput } from '../contract/methods';
import type { EventName, EventPayload } from '../contract/events';
import type { Result } from './result';

/** How calls travel: Electron IPC in the app, HTTP on the loopback test host. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

export interface Client {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/** A typed client over any transport; the renderer never sees channel names. */
export function createClient(transport: Transport): Client {
  return {
    call: (method, input) =>
      transport.invoke(method, input) as Promise<Result<MethodOutput<typeof method>>>,
    on: (event, handler) => transport.on(event, handler as (payload: unknown) => void),
  };
}
