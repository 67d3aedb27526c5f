import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { eventBridgePatterns, cloudFormationTemplate, sqlScript } from '../../engine/detections';
import { CliIO, Command, EXIT, UsageError } from '../io';

const FORMATS = ['eventbridge', 'cloudformation', 'athena', 'cloudtrail-lake'];

export const exportDetectionsCommand: Command = {
  name: 'export-detections',
  summary: 'Export the CloudTrail detections for EventBridge, CloudFormation, Athena or CloudTrail Lake',
  usage: 'connect-guard export-detections --format eventbridge|cloudformation|athena|cloudtrail-lake [--table NAME] [--event-data-store ID] [--out FILE]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        table: { type: 'string', default: 'cloudtrail_logs' },
        'event-data-store': { type: 'string', default: '$EDS_ID' },
        out: { type: 'string', short: 'o' },
      },
    });
    const format = values.format;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (!/^[A-Za-z0-9_.]+$/.test(values.table!)) throw new UsageError('--table must be a table name (letters, digits, _ and .)');
    if (!/^(\$EDS_ID|[A-Za-z0-9-]+)$/.test(values['event-data-store']!)) throw new UsageError('--event-data-store must be an event data store ID');
    let text: string;
    if (format === 'eventbridge') text = JSON.stringify(eventBridgePatterns(), null, 2) + '\n';
    else if (format === 'cloudformation') text = JSON.stringify(cloudFormationTemplate(), null, 2) + '\n';
    else if (format === 'athena') text = sqlScript('athena', values.table!);
    else text = sqlScript('cloudtrail-lake', values['event-data-store']!);
    if (values.out) fs.writeFileSync(path.resolve(io.cwd, values.out), text);
    else io.out(text);
    return EXIT.ok;
  },
};
