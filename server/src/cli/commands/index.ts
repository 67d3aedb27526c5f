import { Command } from '../io';
import { lintCommand } from './lint';
import { rulesCommand } from './rules';

/** Every CLI command. Add one: create commands/<name>.ts and list it here. */
export const COMMANDS: Command[] = [lintCommand, rulesCommand];
