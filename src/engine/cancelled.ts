/** Thrown when a newer request made a run obsolete: the one cancel signal of the engine, whoever checks it. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
