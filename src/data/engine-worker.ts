/// <reference lib="webworker" />
/**
 * DuckDB-WASM's worker, started without its download progress. To report progress it compiles its WebAssembly from
 * the download wrapped in a Response of its own, which has no URL: the browser then neither keeps the compiled code
 * nor finds it on the next open, which compiled DuckDB's functions afresh and ran them unoptimized at first. Without
 * TransformStream it compiles the fetched Response itself. The page never showed that progress.
 */
Reflect.deleteProperty(self, 'TransformStream');
importScripts(new URL(location.href).searchParams.get('duckdb')!);
