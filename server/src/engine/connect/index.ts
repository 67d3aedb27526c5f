/** Amazon Connect domain knowledge shared by the Connect rules (and anything else that needs it). */
export * from './access';
export * from './privilege';
export * from './privatelink';
export * from './tagging';
export * from './scope';
