// Kept equal to package.json's version by a unit test; sent in the User-Agent header.
export const ACTION_NAME = 'run-adf-pipeline-action';
export const ACTION_VERSION = '1.1.0';
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;
