import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Engine } from '../../src/data/engine';
import { QueryRunner } from '../../src/data/query-runner';
import { EMPTY_FILTER, type Filter } from '../../src/filters/filter';
import { cubeOf, queryKind, querySql, type QueryDef } from '../../src/queries/query';

/** An engine whose queries are answered (or fail) only when the test says so. */
function heldEngine() {
  const asked: { sql: string; answer: (table: Table) => void; fail: (error: Error) => void }[] = [];
  const engine = {
    query: (sql: string) => new Promise<Table>((answer, fail) => asked.push({ sql, answer, fail })),
  } as unknown as Engine;
  return { engine, asked, sqls: () => asked.map((a) => a.sql) };
}

const result = (n: number) => tableFromArrays({ n: Int32Array.from([n]) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the query runner', () => {
  it('sends one engine two queries at a time (one running, one waiting in its worker), the next as one is answered', async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    const answers = ['q1', 'q2', 'q3'].map((sql) => runner.run(sql));
    await settle();
    expect(first.sqls()).toEqual(['q1', 'q2']);
    first.asked[0].answer(result(1));
    expect((await answers[0]).getChild('n')!.get(0)).toBe(1);
    await settle();
    expect(first.sqls()).toEqual(['q1', 'q2', 'q3']);
  });

  it('shares the queries with a second engine: with no times yet, each goes to the engine with fewer in flight', async () => {
    const first = heldEngine();
    const second = heldEngine();
    const runner = new QueryRunner(first.engine);
    for (const sql of ['q1', 'q2', 'q3', 'q4', 'q5']) void runner.run(sql);
    await settle();
    runner.addEngine(second.engine);
    expect(first.sqls()).toEqual(['q1', 'q2']);
    expect(second.sqls()).toEqual(['q3', 'q4']);
    expect(runner.answering).toEqual([first.engine, second.engine]);
    // Whichever engine answers first takes the next waiting query.
    second.asked[0].answer(result(3));
    await settle();
    expect(second.sqls()).toEqual(['q3', 'q4', 'q5']);
    expect(first.sqls()).toEqual(['q1', 'q2']);
  });

  it("sends a change's queries longest first, by how long each kind took the last time", async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    onTestFinished(() => clock.mockRestore());
    // Answers the oldest unanswered query `ms` after the previous answer.
    let answered = 0;
    const answerAfter = async (ms: number) => {
      now += ms;
      first.asked[answered++].answer(result(ms));
      await settle();
    };
    // One change's queries: a query of each kind, named after its kind and the change.
    const ask = (change: number, kinds: string[]) => kinds.forEach((kind) => void runner.run(`${kind} ${change}`, kind));
    // The first time: in the order asked. Each is timed from when the engine could start it.
    ask(1, ['short', 'long', 'middle', 'tiny']);
    await settle();
    await answerAfter(5);
    await answerAfter(90);
    await answerAfter(30);
    await answerAfter(1);
    expect(first.sqls()).toEqual(['short 1', 'long 1', 'middle 1', 'tiny 1']);
    // The next change: longest first.
    ask(2, ['tiny', 'short', 'middle', 'long']);
    await settle();
    for (let i = 0; i < 4; i++) await answerAfter(5);
    expect(first.sqls().slice(4)).toEqual(['long 2', 'middle 2', 'short 2', 'tiny 2']);
  });

  it("sends the screen's queries before those of sections off screen, and a query the screen comes to wait for with them", async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    onTestFinished(() => clock.mockRestore());
    // Kinds timed once, so the longest-first order is known: below the fold 90 and 30 ms, on screen 5 and 1.
    for (const [kind, ms] of [
      ['below', 90],
      ['chart', 30],
      ['kpis', 5],
      ['map', 1],
    ] as const) {
      const answer = runner.run(`${kind} 0`, kind);
      await settle();
      now += ms;
      first.asked.at(-1)!.answer(result(ms));
      await answer;
    }
    void runner.run('below 1', 'below', true);
    void runner.run('chart 1', 'chart', true);
    void runner.run('kpis 1', 'kpis');
    void runner.run('map 1', 'map');
    // The chart scrolled into view before its query was sent: the screen waits for it now.
    void runner.run('chart 1', 'chart');
    await settle();
    for (let i = 4; i < 8; i++) {
      first.asked[i].answer(result(i));
      await settle();
    }
    expect(first.sqls().slice(4)).toEqual(['chart 1', 'kpis 1', 'map 1', 'below 1']);
  });

  it('sends a short query to the engine expected to be done first, not behind a long one on the other', async () => {
    const first = heldEngine();
    const second = heldEngine();
    const runner = new QueryRunner(first.engine);
    runner.addEngine(second.engine);
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    onTestFinished(() => clock.mockRestore());
    const ask = (change: number, kinds: string[]) => kinds.forEach((kind) => void runner.run(`${kind} ${change}`, kind));
    // Answers an engine's `index`th query at `ms`.
    const answerAt = async (engine: ReturnType<typeof heldEngine>, index: number, ms: number) => {
      now = ms;
      engine.asked[index].answer(result(0));
      await settle();
    };
    // The first change times each kind: the long one 40 ms, the others 5.
    ask(1, ['long', 'a', 'b', 'c']);
    await settle();
    expect(first.sqls()).toEqual(['long 1', 'b 1']);
    expect(second.sqls()).toEqual(['a 1', 'c 1']);
    await answerAt(second, 0, 5);
    await answerAt(second, 1, 10);
    await answerAt(first, 0, 40);
    await answerAt(first, 1, 45);

    ask(2, ['a', 'b', 'c', 'long']);
    await settle();
    // Longest first, on one engine; the short ones go to the other, and the third waits for it rather than queueing
    // behind the long one.
    expect(first.sqls().slice(2)).toEqual(['long 2']);
    expect(second.sqls().slice(2)).toEqual(['a 2', 'b 2']);
    await answerAt(second, 2, 50);
    expect(second.sqls().slice(2)).toEqual(['a 2', 'b 2', 'c 2']);
    expect(first.sqls().slice(2)).toEqual(['long 2']);
  });

  it("times a stored answer's read apart from its query: the first change after such an open sends that query first", async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    onTestFinished(() => clock.mockRestore());
    const query = (name: string): QueryDef<unknown> => ({
      name,
      sql: (filter) => `SELECT ${name} FROM cases WHERE sex = '${filter.sex.join()}'`,
      decode: () => 0,
    });
    const [stored, other] = [query('destinations'), query('headline')];
    // The snapshot stores the answer of the first query for no filter.
    const dates = { asOf: '2025-11-30', firstMissing: '2016-01-01' };
    const context = { ...dates, cubes: new Set([cubeOf(stored.sql(EMPTY_FILTER, dates)).name]) };
    const send = (filter: Filter) =>
      [stored, other].forEach((q) => {
        const sql = querySql(q, filter, context);
        void runner.run(sql, queryKind(q, sql));
      });
    // The open: the answer is read in 2 ms, the other query takes 20.
    send(EMPTY_FILTER);
    await settle();
    expect(first.sqls()[0]).toMatch(/^SELECT \* FROM cube_/);
    now = 2;
    first.asked[0].answer(result(0));
    await settle();
    now = 22;
    first.asked[1].answer(result(0));
    await settle();
    // A change: the stored query, never timed over the cases, goes before the one known to take 20 ms.
    send({ ...EMPTY_FILTER, sex: ['F'] });
    await settle();
    expect(first.sqls().slice(2)).toEqual([
      stored.sql({ ...EMPTY_FILTER, sex: ['F'] }, context),
      other.sql({ ...EMPTY_FILTER, sex: ['F'] }, context),
    ]);
  });

  it('asks an engine once for the same SQL, in flight or answered', async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    const a = runner.run('q1');
    const b = runner.run('q1');
    await settle();
    first.asked[0].answer(result(7));
    expect(await a).toBe(await b);
    expect(await runner.run('q1')).toBe(await a);
    expect(first.sqls()).toEqual(['q1']);
  });

  it('frees the engine of a failed query and asks again next time', async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    const failed = runner.run('bad');
    void runner.run('q2');
    void runner.run('q3');
    await settle();
    first.asked[0].fail(new Error('Binder Error'));
    await expect(failed).rejects.toThrow('Binder Error');
    await settle();
    expect(first.sqls()).toEqual(['bad', 'q2', 'q3']);
    void runner.run('bad');
    await settle();
    expect(first.sqls()).toEqual(['bad', 'q2', 'q3']);
    first.asked[1].answer(result(2));
    await settle();
    expect(first.sqls()).toEqual(['bad', 'q2', 'q3', 'bad']);
  });

  it("runs warm-up statements on every engine, a later one included, only while none of the page's queries waits", async () => {
    const first = heldEngine();
    const second = heldEngine();
    const runner = new QueryRunner(first.engine);
    const warmed = vi.fn();
    const page = runner.run('page 1');
    runner.warmUp(['warm a', 'warm b'], warmed);
    await settle();
    // The page's query first; the warm-up waits for the engine to be free.
    expect(first.sqls()).toEqual(['page 1']);
    expect(runner.warming).toBe(true);
    first.asked[0].answer(result(1));
    await page;
    await settle();
    expect(first.sqls()).toEqual(['page 1', 'warm a']);
    // A query asked meanwhile goes out at once, behind the one statement running, and ahead of the rest.
    void runner.run('page 2');
    await settle();
    expect(first.sqls()).toEqual(['page 1', 'warm a', 'page 2']);
    first.asked[1].answer(result(0));
    await settle();
    expect(first.sqls()).toEqual(['page 1', 'warm a', 'page 2']);
    first.asked[2].answer(result(2));
    await settle();
    expect(first.sqls()).toEqual(['page 1', 'warm a', 'page 2', 'warm b']);
    // A failed statement is not an error of the page's.
    first.asked[3].fail(new Error('out of memory'));
    await settle();
    expect(runner.warming).toBe(false);
    expect(warmed).toHaveBeenCalledTimes(1);
    runner.addEngine(second.engine);
    await settle();
    expect(second.sqls()).toEqual(['warm a']);
    expect(runner.warming).toBe(true);
    second.asked[0].answer(result(0));
    await settle();
    second.asked[1].answer(result(0));
    await settle();
    expect(second.sqls()).toEqual(['warm a', 'warm b']);
    expect(runner.warming).toBe(false);
    expect(warmed).toHaveBeenCalledTimes(2);
  });

  it('stops warming up when another snapshot takes the engines over: the statement running is the last', async () => {
    const first = heldEngine();
    const runner = new QueryRunner(first.engine);
    runner.warmUp(['warm a', 'warm b']);
    await settle();
    runner.stopWarmUp();
    first.asked[0].answer(result(0));
    await settle();
    expect(first.sqls()).toEqual(['warm a']);
    expect(runner.warming).toBe(false);
  });
});
