// Unit tests run the engine on tfjs's CPU backend in Node (no native bindings needed).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
await tf.ready();
