/**
 * The digits lab's default models (shared by the lab's defaults, its presets and the bench): softmax regression,
 * kNN, a one-hidden-layer MLP and a small CNN, from the simplest to the most flexible.
 */
export const DIGITS_DEFAULT_MODELS =
  'logistic:C=0.1;knn:k=5;mlp:width=128,depth=1,epochs=10,lr=0.001,batch=64;cnn:filters=8,epochs=5,lr=0.005,batch=64';
