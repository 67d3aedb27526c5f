import * as assert from 'assert';
import { Clock, Debouncer } from '../../server/src/lsp/debounce';

/** A clock that only moves when told; timers fire in due order. */
class FakeClock implements Clock {
  t = 1000;
  private next = 1;
  readonly timers = new Map<number, { due: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { due: this.t + ms, fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  advance(ms: number): void {
    this.t += ms;
    for (const [id, x] of [...this.timers].sort((a, b) => a[1].due - b[1].due)) {
      if (x.due > this.t) break;
      this.timers.delete(id);
      x.fn();
    }
  }
}

describe('lsp: debouncer', () => {
  it('an open (run now) followed by its content change (800 ms debounce) runs now, once', () => {
    const clock = new FakeClock();
    const d = new Debouncer(clock);
    const runs: string[] = [];
    d.schedule('log', 1, 0, () => runs.push('open'));
    d.schedule('log', 1, 800, () => runs.push('change'));
    clock.advance(0);
    assert.deepStrictEqual(runs, ['open']);
    clock.advance(1000);
    assert.deepStrictEqual(runs, ['open']);
  });

  it('typing restarts the pause: a new version replaces the pending run even when that was due sooner', () => {
    const clock = new FakeClock();
    const d = new Debouncer(clock);
    const runs: number[] = [];
    d.schedule('p', 2, 150, () => runs.push(2));
    clock.advance(100);
    d.schedule('p', 3, 150, () => runs.push(3));
    clock.advance(100);
    assert.deepStrictEqual(runs, []);
    clock.advance(50);
    assert.deepStrictEqual(runs, [3]);
  });

  it('a sooner request for the same version brings the run forward', () => {
    const clock = new FakeClock();
    const d = new Debouncer(clock);
    const runs: string[] = [];
    d.schedule('p', 4, 150, () => runs.push('typed'));
    d.schedule('p', 4, 0, () => runs.push('settings changed'));
    clock.advance(0);
    assert.deepStrictEqual(runs, ['settings changed']);
    clock.advance(200);
    assert.deepStrictEqual(runs, ['settings changed']);
  });

  it('documents are independent, and cancel drops only the one named', () => {
    const clock = new FakeClock();
    const d = new Debouncer(clock);
    const runs: string[] = [];
    d.schedule('a', 1, 10, () => runs.push('a'));
    d.schedule('b', 1, 10, () => runs.push('b'));
    d.cancel('a');
    clock.advance(10);
    assert.deepStrictEqual(runs, ['b']);
  });
});
