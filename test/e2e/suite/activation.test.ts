import * as assert from 'assert';
import { extension, manifest, open, waitFor } from './helpers';

describe('activation', () => {
  it('is narrow: no "*" and no startup activation', () => {
    const events = manifest().activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activationEvents: ${JSON.stringify(events)}`);
  });

  it('activates when a policy file is opened', async () => {
    await open('policies/developer.identity.json');
    await waitFor('the extension to activate', () => extension().isActive, 20_000);
  });
});
