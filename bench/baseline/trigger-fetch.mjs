// Reference: the same two requests as trigger.sh from a bare Node script with fetch() (no SDK, no
// checks), the simplest way to write them in JavaScript today. Same environment variables as
// trigger.sh (the CA comes as NODE_EXTRA_CA_CERTS).
import { appendFileSync } from 'node:fs';
import { URLSearchParams } from 'node:url';

const e = process.env;
const post = async (url, headers, body) => {
  const res = await fetch(url, { method: 'POST', headers, body });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
};

const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: e.CLIENT_ID,
  client_secret: e.CLIENT_SECRET,
  scope: `${e.ARM_ENDPOINT}/.default`,
});
const token = await post(`${e.AUTHORITY_HOST}/${e.TENANT_ID}/oauth2/v2.0/token`, {}, form);
const run = await post(
  `${e.ARM_ENDPOINT}/subscriptions/${e.SUBSCRIPTION_ID}/resourceGroups/${e.RESOURCE_GROUP}/providers/Microsoft.DataFactory/factories/${e.FACTORY_NAME}/pipelines/${e.PIPELINE_NAME}/createRun?api-version=2018-06-01`,
  { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
  e.PARAMETERS,
);
console.log(`Started run ${run.runId}`);
if (e.GITHUB_OUTPUT) appendFileSync(e.GITHUB_OUTPUT, `run-id=${run.runId}\n`);
