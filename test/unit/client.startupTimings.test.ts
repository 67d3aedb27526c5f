// The start-up line in the output channel: what a user reads when the editor feels slow.
import * as assert from 'assert';
import { describeStartup } from '../../client/src/startupTimings';

describe('client start-up line', () => {
  it('names activation, server readiness, when activate() was called and its own share', () => {
    assert.strictEqual(
      describeStartup({ activateCalled: 203.6, clientStarting: 241.4, serverReady: 803.2, activated: 804.4 }),
      'activated in 804 ms; language server ready in 803 ms (activate() called at 204 ms, its own set-up 38 ms; times since the extension began to load)',
    );
  });

  it('says when the server did not start', () => {
    assert.strictEqual(
      describeStartup({ activateCalled: 100, clientStarting: 140, activated: 950 }),
      'activated in 950 ms; language server failed to start (activate() called at 100 ms, its own set-up 40 ms; times since the extension began to load)',
    );
  });
});
