// The one shape for whatever holds a resource (a socket, a file, a database, a worker, a timer):
// `dispose()` releases it, once; calling it again does nothing. Sources, stores, the LLM
// backend, the ML runner and the engine itself all have this shape (issue 10).
export interface Disposable {
  dispose(): Promise<void>;
}
