/// <reference lib="webworker" />
// The engine in a Web Worker: the page's main thread only renders. The same script runs the engine's helpers
// (farm.ts starts them under HELPER_NAME, one per spare core), so they cost no second download.
import * as Comlink from 'comlink';
import { createEngineApi } from './engineApi';
import { HELPER_NAME } from './farm';
import { createHelperApi } from './helperApi';

Comlink.expose(self.name === HELPER_NAME ? createHelperApi() : createEngineApi('worker', import.meta.url));
