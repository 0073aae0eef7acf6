/// <reference lib="webworker" />
// The engine in a Web Worker: the page's main thread only renders.
import * as Comlink from 'comlink';
import { createEngineApi } from './engineApi';

Comlink.expose(createEngineApi('worker'));
