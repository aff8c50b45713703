import { useEffect, useMemo, useRef, useState } from 'react';
import type { Filter } from '../filters/filter';
import { onFilterChange, pageFilter } from '../filters/location-store';
import { queryKind, querySql, type QueryDef } from '../queries/query';
import { decodedResult, type QueryOutcome } from './query-runner';
import { pendingQueryCount, useWorkScope } from './readiness';
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
 * The queries on screen that follow the page's filter. A filter change starts them as soon as the URL
 * changes, so DuckDB works while React redraws; the views then find them in flight in the runner.
 */
const followingPageFilter = new Set<(filter: Filter) => void>();
let stopFollowing: (() => void) | undefined;

function followPageFilter(start: (filter: Filter) => void): () => void {
  stopFollowing ??= onFilterChange((filter) => {
    for (const each of followingPageFilter) each(filter);
  });
  followingPageFilter.add(start);
  return () => {
    followingPageFilter.delete(start);
    if (followingPageFilter.size === 0) {
      stopFollowing?.();
      stopFollowing = undefined;
    }
  };
}

/**
 * The views' only door to data: runs `query` for `filter` on the loaded snapshot. A result that
 * arrives after the filter moved on is dropped; the previous data stays on screen meanwhile.
 */
export function useQuery<T>(query: QueryDef<T>, filter: Filter): QueryState<T> {
  const session = useSession();
  const scope = useWorkScope();
  const sql = useMemo(
    () => (session.status === 'ready' ? querySql(query, filter, session.context) : undefined),
    [session, query, filter],
  );
  const [result, setResult] = useState<QueryOutcome<T>>();
  const finish = useRef<() => void>(undefined);

  useEffect(() => {
    if (!sql || session.status !== 'ready') return undefined;
    const end = scope.beginWork();
    const answered = scope.beginQuery();
    finish.current = end;
    let current = true;
    void decodedResult((s) => session.runner.run(s, queryKind(query, s), !scope.onScreen()), sql, query.decode).then((outcome) => {
      answered();
      deliverWhenAllAnswered(() => {
        if (current) scope.show(() => setResult(outcome));
      });
    });
    return () => {
      current = false;
      answered();
      deliverWhenAllAnswered();
      end();
    };
  }, [sql, session, query, scope]);

  useEffect(() => {
    if (session.status !== 'ready' || filter !== pageFilter()) return undefined;
    return followPageFilter((next) => {
      const sql = querySql(query, next, session.context);
      void session.runner.run(sql, queryKind(query, sql), !scope.onScreen());
    });
  }, [session, query, filter, scope]);

  // The work ends once the result for the current SQL has been rendered.
  useEffect(() => {
    if (result && result.sql === sql) finish.current?.();
  }, [result, sql]);

  if (!result) return { status: 'loading' };
  if (result.sql !== sql) return { status: 'loading', data: result.data };
  if (result.error !== undefined) return { status: 'error', error: result.error };
  return { status: 'ready', data: result.data as T };
}

/**
 * `value` as it was when `result` last arrived: what a view draws beside a result (the selected districts
 * on a map, the district curves) changes with it, so a filter change redraws once, when its answer is in,
 * instead of once before the queries are answered (which delays them) and again after.
 */
export function useShownWith<T>(value: T, result: QueryState<unknown>): T {
  const [shown, setShown] = useState(value);
  const settled = result.status !== 'loading';
  if (settled && shown !== value) setShown(value);
  return settled ? value : shown;
}

/**
 * `value` as it was when the page's queries were last all answered: what a view draws from the filter alone (the
 * timeline's brushed months) moves in the same render as the change's results, instead of re-rendering while they
 * are decoded.
 */
export function useShownWithAnswers<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    let current = true;
    // Once every view's effects of this render have sent their queries.
    queueMicrotask(() => deliverWhenAllAnswered(() => current && setShown(value)));
    return () => {
      current = false;
    };
  }, [value, shown]);
  return shown;
}
