import { useEffect, useMemo, useRef, useState } from 'react';
import type { Filter } from '../filters/filter';
import type { QueryDef } from '../queries/query';
import { decodedResult, type QueryOutcome } from './query-runner';
import { beginQuery, beginWork, pendingQueryCount } from './readiness';
import { useSession } from './session';

export type QueryState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: string; data?: T };

/**
 * Results wait here until every query in flight is answered, then reach their views together: one render
 * for a filter change instead of one per query, which on a busy main thread also delays the next answers.
 */
const waiting: (() => void)[] = [];

function deliverWhenAllAnswered(update?: () => void): void {
  if (update) waiting.push(update);
  if (pendingQueryCount() === 0) for (const apply of waiting.splice(0)) apply();
}

/**
 * The views' only door to data: runs `query` for `filter` on the loaded snapshot. A result that
 * arrives after the filter moved on is dropped; the previous data stays on screen meanwhile.
 */
export function useQuery<T>(query: QueryDef<T>, filter: Filter): QueryState<T> {
  const session = useSession();
  const sql = useMemo(
    () => (session.status === 'ready'
      ? query.sql(filter, { asOf: session.manifest.asOf, firstMissing: session.manifest.dateRange.firstMissing })
      : undefined),
    [session, query, filter],
  );
  const [result, setResult] = useState<QueryOutcome<T>>();
  const finish = useRef<() => void>(undefined);

  useEffect(() => {
    if (!sql || session.status !== 'ready') return undefined;
    const end = beginWork();
    const answered = beginQuery();
    finish.current = end;
    let current = true;
    void decodedResult((s) => session.runner.run(s), sql, query.decode).then((outcome) => {
      answered();
      deliverWhenAllAnswered(() => current && setResult(outcome));
    });
    return () => {
      current = false;
      answered();
      deliverWhenAllAnswered();
      end();
    };
  }, [sql, session, query]);

  // The work ends once the result for the current SQL has been rendered.
  useEffect(() => {
    if (result && result.sql === sql) finish.current?.();
  }, [result, sql]);

  if (!result) return { status: 'loading' };
  if (result.sql !== sql) return { status: 'loading', data: result.data };
  if (result.error !== undefined) return { status: 'error', error: result.error };
  return { status: 'ready', data: result.data as T };
}
