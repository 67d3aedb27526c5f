import { expectFindings, expectNone, at } from '../helpers/lint';
import { record, log, root } from './cloudtrail.fixtures';

const RULE = 'ct-root-activity';

describe(RULE, () => {
  it('reports any Connect family call by root, read or write, as an error', () => {
    const text = log(record({ eventName: 'ListInstances', userIdentity: root() }), record({ eventSource: 'voiceid.amazonaws.com', eventName: 'DescribeDomain', userIdentity: root() }));
    expectFindings(RULE, 'cloudtrail', text, 'error', [at(text, '"ListInstances"'), at(text, '"DescribeDomain"')]);
  });

  it('is silent for roles, and for root outside the Connect family', () => {
    expectNone(RULE, 'cloudtrail', log(record({ eventName: 'ListInstances' }), record({ eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', userIdentity: root() })));
  });
});
