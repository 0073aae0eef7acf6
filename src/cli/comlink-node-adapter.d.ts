// comlink ships its Node adapter as node-adapter.mjs with types in node-adapter.d.ts: link the two.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
