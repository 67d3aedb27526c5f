import { cloudTrailRule } from '../../cloudtrail/analyse';
import { isConnectFamily } from '../../cloudtrail/catalogue';
import { Cidr, cidrContains, parseCidr, parseIp } from '../../cloudtrail/cidr';
import { str } from '../../cloudtrail/model';
import { docRecord, reportCall } from './util';

export const unexpectedSource = cloudTrailRule(
  {
    id: 'CG4007',
    name: 'ct-unexpected-source',
    defaultSeverity: 'warning',
    short: 'An Amazon Connect call from outside the configured networks',
    description:
      'When `cloudtrail.allowedCidrs` or `cloudtrail.allowedVpcEndpoints` is configured, reports Amazon Connect family calls whose sourceIPAddress is in none of the CIDR ranges (IPv4 and IPv6) and that did not come through an allowed VPC endpoint. ' +
      'Calls made by AWS services on your behalf (a service name such as `connect.amazonaws.com` or "AWS Internal" instead of an address) are not reported.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'isolation'],
    docs: {
      rationale: 'Banks restrict administration to corporate networks and private endpoints. A Connect API call from an unknown address is either an unmanaged workstation or a credential used outside the company.',
      bad: '// .connectguard.json: { "cloudtrail": { "allowedCidrs": ["10.0.0.0/8", "2001:db8:1200::/40"] } }\n' + docRecord({ eventName: 'UpdateUserRoutingProfile', sourceIPAddress: '203.0.113.50' }),
      good: '// .connectguard.json: { "cloudtrail": { "allowedCidrs": ["10.0.0.0/8", "2001:db8:1200::/40"] } }\n' + docRecord({ eventName: 'UpdateUserRoutingProfile', sourceIPAddress: '10.20.30.40' }),
      fix: 'Confirm where the call came from. Enforce the networks with `aws:SourceIp` / `aws:SourceVpce` conditions (Deny statements in the admin policy or an SCP), and list legitimate new ranges in `cloudtrail.allowedCidrs`.',
      notes: 'Core Connect APIs have no VPC endpoint, so `allowedVpcEndpoints` only covers Voice ID, Customer Profiles, Cases, AppIntegrations, Q in Connect and outbound campaigns. Invalid CIDR entries are ignored.',
    },
  },
  (ctx) => {
    const cidrs = ctx.settings.cloudtrail.allowedCidrs.map(parseCidr).filter((c): c is Cidr => !!c);
    const endpoints = new Set(ctx.settings.cloudtrail.allowedVpcEndpoints);
    if (!ctx.settings.cloudtrail.allowedCidrs.length && !endpoints.size) return { record() {} };
    return {
      record(r) {
        if (!isConnectFamily(str(r.value, 'eventSource'))) return;
        const vpce = str(r.value, 'vpcEndpointId');
        if (vpce && endpoints.has(vpce)) return;
        const source = str(r.value, 'sourceIPAddress');
        if (!source) return;
        const ip = parseIp(source);
        if (!ip) return; // a service name or "AWS Internal": not a network location
        for (const c of cidrs) if (cidrContains(c, ip)) return;
        reportCall(ctx, r, `Call from ${source}${vpce ? ` through ${vpce}` : ''}, outside the configured networks (cloudtrail.allowedCidrs / allowedVpcEndpoints)`);
      },
    };
  },
);
