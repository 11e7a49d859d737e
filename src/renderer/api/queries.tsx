import {
  keepPreviousData,
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
  useMutation as useTanstackMutation,
  useQueries as useTanstackQueries,
  useQuery as useTanstackQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { changedBy, EVERYTHING, isStale, namespaceOf } from '../../shared/contract/changes';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { Client } from '../../shared/rpc/client';
import type { Result, RpcError } from '../../shared/rpc/result';
import { api } from './client';

/**
 * The renderer's one way to load and change data: `useQuery(method, input)`
 * and `useMutation(method)` over the api client, on TanStack Query (it
 * already does what eight hand-written hooks each did partly: dropping stale
 * answers, sharing one answer between screens, keeping the last answer while
 * the next loads).
 *
 * Freshness: queries are keyed `[namespace, method, input]`; when the core
 * announces `data.changed` after a write, every query of those namespaces on
 * screen refetches. A screen mounting refetches too, so nothing missed by an
 * announcement lives longer than a screen.
 *
 * Failures, one rule: a person sees every failure. A screen that shows a
 * query's or mutation's `error` in place (next to the form, above the list)
 * says so with `{ errorShownHere: true }`; every other failure goes to the
 * app's failure notice (`<FailureNotice>`). Nothing is dropped.
 */

/** A call's failure, carried through TanStack's error channel with its sentence. */
export class CallFailed extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'CallFailed';
  }
}

/** Any thrown thing as the error a person is shown. */
export function asRpcError(error: unknown): RpcError {
  if (error instanceof CallFailed) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

/** Call the core and throw its failure, for TanStack. */
export async function callOrThrow<M extends MethodName>(method: M, input: MethodInput<M>, client: Client = api()): Promise<MethodOutput<M>> {
  const result = await client.call(method, input);
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

export const queryKey = <M extends MethodName>(method: M, input: MethodInput<M>) => [namespaceOf(method), method, input] as const;

// The failure notice's one slot: the latest failure no screen shows itself.
let unshown: RpcError | null = null;
const unshownListeners = new Set<() => void>();
export function reportFailure(error: RpcError | null): void {
  unshown = error;
  unshownListeners.forEach((l) => l());
}
export function useUnshownFailure(): RpcError | null {
  return useSyncExternalStore(
    (listener) => {
      unshownListeners.add(listener);
      return () => unshownListeners.delete(listener);
    },
    () => unshown,
  );
}

interface Meta extends Record<string, unknown> {
  errorShownHere?: boolean;
  keptCurrentHere?: boolean;
}

export function createQueryClient(): QueryClient {
  const fallback = (error: unknown, meta: Meta | undefined) => {
    if (!meta?.errorShownHere) reportFailure(asRpcError(error));
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => fallback(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => fallback(error, mutation.meta) }),
    defaultOptions: {
      // The core is local: a failure is a real answer (a sentence to show), not a flaky network to retry.
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0, placeholderData: keepPreviousData },
      // A mutation's inputs (an upload's chunks) need not outlive the screen that sent them.
      mutations: { retry: false, gcTime: 0 },
    },
  });
}

/** Refetch the on-screen queries of the namespaces (or single methods) the core says changed. */
export function refreshNamespaces(client: QueryClient, namespaces: readonly string[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => !(query.meta as Meta | undefined)?.keptCurrentHere && isStale(namespaces, String(query.queryKey[0]), String(query.queryKey[1])),
  });
}

/** Provide the data layer to the app and follow the core's change announcements. */
export function DataProvider({ children, client: given, rpc: givenRpc }: { children: ReactNode; client?: QueryClient; rpc?: Client }) {
  const [client] = useState(() => given ?? createQueryClient());
  const [rpc] = useState(() => givenRpc ?? api());
  useEffect(() => rpc.on('data.changed', ({ namespaces }) => void refreshNamespaces(client, namespaces)), [client, rpc]);
  return (
    <RpcContext.Provider value={rpc}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </RpcContext.Provider>
  );
}

/** The client the hooks call through: the app's api() unless a test provides another. */
const RpcContext = createContext<Client | null>(null);
const useRpc = (): Client => useContext(RpcContext) ?? api();

export interface QueryOptions<T> {
  /** False to wait (an input not yet known). */
  enabled?: boolean;
  /** This screen shows `error` itself; else the failure notice does. */
  errorShownHere?: boolean;
  /** Derive what the screen needs; recomputed only when the answer changes. */
  select?: (value: never) => T;
  /**
   * The screen keeps this answer current itself from its calls' answers (`setData`), so the core's change
   * announcements do not refetch it: the open note's passages follow each save's answer, which names only the
   * passages it changed; refetching them all after every autosave would make saving cost grow with the note.
   * Such an answer is dropped once no screen shows it: unseen, nothing would keep it current.
   */
  keptCurrentHere?: boolean;
}

export interface Query<T, Raw = T> {
  /** The latest answer (kept while the next loads); undefined before the first. */
  data: T | undefined;
  error: RpcError | null;
  /** No answer for this input yet (`data` may be the last input's, kept meanwhile). */
  loading: boolean;
  /** Fetch again now; resolves when the new answer is in. */
  refetch: () => Promise<void>;
  /**
   * Change the answer held for this input from what a call answered (a save's word count, a tag's passage),
   * where fetching it all again would cost more than the answer in hand says.
   */
  setData: (update: (value: Raw) => Raw) => void;
}


/** Load `method(input)`, refreshed when the core announces its namespace changed. */
export function useQuery<M extends MethodName, T = MethodOutput<M>>(
  method: M,
  input: MethodInput<M>,
  options: Omit<QueryOptions<T>, 'select'> & { select?: (value: MethodOutput<M>) => T } = {},
): Query<T, MethodOutput<M>> {
  const rpc = useRpc();
  const client = useQueryClient();
  const kept = options.keptCurrentHere ?? false;
  const key = queryKey(method, input);
  const query = useTanstackQuery({
    queryKey: key,
    queryFn: () => callOrThrow(method, input, rpc),
    enabled: options.enabled ?? true,
    select: options.select,
    // Current by the screen's own hand, so never stale while held — an answer another screen asked for first
    // (the note page, for the editor it opens) is taken as it is, not asked for again; dropped once none shows it.
    ...(kept && { gcTime: 0, staleTime: Infinity }),
    meta: { errorShownHere: options.errorShownHere ?? false, keptCurrentHere: kept },
  });
  const keyText = JSON.stringify(key);
  const setData = useCallback(
    (update: (value: MethodOutput<M>) => MethodOutput<M>) =>
      client.setQueryData<MethodOutput<M>>(key, (value) => (value === undefined ? value : update(value))),
    // The key's text names the query: a new input object with the same contents is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, keyText],
  );
  const { refetch } = query;
  return {
    data: query.data as T | undefined,
    error: query.error ? asRpcError(query.error) : null,
    loading: (query.isPending || query.isPlaceholderData) && (options.enabled ?? true),
    refetch: useCallback(async () => {
      await refetch();
    }, [refetch]),
    setData,
  };
}

/** One answer of `useQueries`, as the screen reads it. */
export interface Answer<T> {
  data: T | undefined;
  error: RpcError | null;
  /** No answer for this input yet (`data` may be the last input's, kept meanwhile). */
  loading: boolean;
}

/**
 * Load `method` for each of `inputs` (the pages of a long list), each answer kept and refreshed like
 * `useQuery`'s. `combine` turns the answers into what the screen needs; it runs again only when one changes.
 */
export function useQueries<M extends MethodName, T>(
  method: M,
  inputs: readonly MethodInput<M>[],
  combine: (answers: Answer<MethodOutput<M>>[]) => T,
  options: { errorShownHere?: boolean } = {},
): T {
  const rpc = useRpc();
  return useTanstackQueries({
    queries: inputs.map((input) => ({
      queryKey: queryKey(method, input),
      queryFn: () => callOrThrow(method, input, rpc),
      meta: { errorShownHere: options.errorShownHere ?? false },
    })),
    combine: useCallback(
      (results: { data: unknown; error: Error | null; isPending: boolean; isPlaceholderData: boolean }[]) =>
        combine(
          results.map((r) => ({
            data: r.data as MethodOutput<M> | undefined,
            error: r.error ? asRpcError(r.error) : null,
            loading: r.isPending || r.isPlaceholderData,
          })),
        ),
      [combine],
    ),
  });
}

export interface Mutation<M extends MethodName> {
  /**
   * Run the call. Resolves once the data it made stale has been fetched again,
   * with the core's Result; a failure is also in `error` (and shown).
   */
  run: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  error: RpcError | null;
  pending: boolean;
  reset: () => void;
}

/** Change data with `method`; what it made stale is refetched before `run` resolves. */
export function useMutation<M extends MethodName>(method: M, options: { errorShownHere?: boolean } = {}): Mutation<M> {
  const client = useQueryClient();
  const rpc = useRpc();
  const mutation = useTanstackMutation({
    mutationFn: (input: MethodInput<M>) => callOrThrow(method, input, rpc),
    // The core announces the change too, but its event may arrive after the answer: refresh here as well, so a
    // screen can rely on the list being fresh once `run` resolves. Not when everything changed (another
    // workspace opened): every screen is about to be remounted on the new one, and the announcement refreshes
    // whatever stays; waiting for the old screens to refetch would only hold the new workspace back.
    onSuccess: (output, input) => {
      const stale = changedBy(method, { input, output });
      return stale.includes(EVERYTHING) ? undefined : refreshNamespaces(client, stale);
    },
    meta: { errorShownHere: options.errorShownHere ?? false },
  });
  const { mutateAsync } = mutation;
  const run = useCallback(
    (input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
      mutateAsync(input).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: asRpcError(error) }),
      ),
    [mutateAsync],
  );
  return { run, error: mutation.error ? asRpcError(mutation.error) : null, pending: mutation.isPending, reset: mutation.reset };
}

/**
 * Read `method(input)` once, when the screen asks, with no answer kept: for a read in steps whose parts no screen
 * shows (an attachment's bytes, chunk by chunk). Its failure follows the one rule.
 */
export function useRead<M extends MethodName>(method: M, options: { errorShownHere?: boolean } = {}): (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> {
  const rpc = useRpc();
  const shownHere = options.errorShownHere ?? false;
  return useCallback(
    async (input: MethodInput<M>) => {
      const result = await rpc.call(method, input);
      if (!result.ok && !shownHere) reportFailure(result.error);
      return result;
    },
    [rpc, method, shownHere],
  );
}

/**
 * Forget every answer: for when the workspace changes. The same key (`engagements.list`, `{}`) names another
 * workspace's rows then, and keeping the last answer while the next loads would show the old workspace's rows.
 */
export function useForgetAllAnswers(): () => void {
  const client = useQueryClient();
  return useCallback(() => client.removeQueries(), [client]);
}
