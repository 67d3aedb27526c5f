import { RelatedLocation } from '../../types';
import { cloudTrailRule, Range } from '../../cloudtrail/analyse';
import { isConnectFamily } from '../../cloudtrail/catalogue';
import { EventData, str } from '../../cloudtrail/model';
import { docRecord } from './util';

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedException']);
/** Related locations kept per principal; the count stays exact beyond it. */
const MAX_RELATED = 100;

interface Denials {
  first: Range;
  data: EventData;
  count: number;
  apis: Map<string, number>;
  related: RelatedLocation[];
  lastTime: string;
}

export const accessDeniedProbing = cloudTrailRule(
  {
    id: 'CG4006',
    name: 'ct-access-denied-probing',
    defaultSeverity: 'warning',
    short: 'A principal was denied access to Amazon Connect APIs',
    description:
      'Aggregates AccessDenied / UnauthorizedOperation errors on Amazon Connect family APIs per principal: one finding per principal, on its first denied call, with the count, the APIs tried, and a related location for each denied call.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'detection'],
    docs: {
      rationale: 'A burst of denied calls across many Connect APIs is how a stolen credential is explored (enumerate what it can do). A single denial is usually a policy that is slightly too narrow: the count and the list of APIs tell the two apart.',
      bad: docRecord({ eventName: 'ListUsers', errorCode: 'AccessDeniedException', errorMessage: 'User: arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops is not authorized to perform: connect:ListUsers', responseElements: null }),
      good: docRecord({ eventName: 'ListUsers' }),
      fix: 'Many APIs from one principal in a short time: treat as a possible compromise (revoke the sessions, rotate keys). A few denials of one API: decide whether the persona needs it and adjust its policy.',
      notes: 'Severity is error when one principal is denied on five or more different APIs (enumeration), warning otherwise. Related locations are kept for the first 100 denied calls of a principal; the count is always exact. Error codes: AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation, UnauthorizedException.',
    },
  },
  (ctx) => {
    const byPrincipal = new Map<string, Denials>();
    return {
      record(r) {
        const code = str(r.value, 'errorCode');
        if (!code || !DENIED.has(code) || !isConnectFamily(str(r.value, 'eventSource'))) return;
        const d = r.data;
        const api = `${d.eventSource.replace('.amazonaws.com', '')}:${d.eventName}`;
        let agg = byPrincipal.get(d.principal);
        if (!agg) {
          agg = { first: r.anchor, data: d, count: 0, apis: new Map(), related: [], lastTime: d.eventTime };
          byPrincipal.set(d.principal, agg);
        }
        agg.count++;
        agg.lastTime = d.eventTime;
        agg.apis.set(api, (agg.apis.get(api) ?? 0) + 1);
        if (agg.related.length < MAX_RELATED) agg.related.push({ ...r.anchor, message: `${code}: ${api} at ${d.eventTime || '(no time)'} from ${d.sourceIPAddress || '(no source IP)'}` });
      },
      end() {
        for (const agg of byPrincipal.values()) {
          const apis = [...agg.apis.entries()].sort((a, b) => b[1] - a[1]).map(([a, n]) => (n > 1 ? `${a} (${n})` : a));
          const shown = apis.slice(0, 8).join(', ') + (apis.length > 8 ? `, and ${apis.length - 8} more` : '');
          ctx.report({
            message: `${agg.data.principal} was denied ${agg.count} Connect call${agg.count === 1 ? '' : 's'} on ${agg.apis.size} API${agg.apis.size === 1 ? '' : 's'} (${shown}) between ${agg.data.eventTime || '?'} and ${agg.lastTime || '?'}, first from ${agg.data.sourceIPAddress || '(no source IP)'}: ${agg.apis.size >= 5 ? 'many different APIs look like enumeration with a stolen credential' : 'check whether its policy is too narrow or the credential is misused'}.`,
            offset: agg.first.offset,
            length: agg.first.length,
            severity: agg.apis.size >= 5 ? 'error' : undefined,
            related: agg.related,
            data: { ...agg.data, count: agg.count, apis: agg.apis.size },
          });
        }
      },
    };
  },
);
