import { DEFAULT_SETTINGS, EngineSettings, CloudTrailSettings } from '../../server/src/engine';

/** Lint options with CloudTrail settings. */
export function ctOpts(cloudtrail: Partial<CloudTrailSettings>): { settings: EngineSettings } {
  return { settings: { ...DEFAULT_SETTINGS, cloudtrail: { ...DEFAULT_SETTINGS.cloudtrail, ...cloudtrail } } };
}
