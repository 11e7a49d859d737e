import { createClient, type Client } from '../../shared/rpc/client';
import { createTransport } from './transport';

let client: Client | undefined;

/** The renderer's one way to reach the core, typed by the contract. */
export function api(): Client {
  client ??= createClient(createTransport());
  return client;
}
