import { Command } from '../io';
import { lintCommand } from './lint';
import { rulesCommand } from './rules';
import { activityCommand } from './activity';
import { generatePolicyCommand } from './generatePolicy';
import { checkActivityCommand } from './checkActivity';
import { exportDetectionsCommand } from './exportDetections';

/** Every CLI command. Add one: create commands/<name>.ts and list it here. */
export const COMMANDS: Command[] = [lintCommand, rulesCommand, activityCommand, generatePolicyCommand, checkActivityCommand, exportDetectionsCommand];
