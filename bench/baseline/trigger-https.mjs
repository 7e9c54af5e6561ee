// Reference: the same two requests as trigger.sh from a bare Node script on node:https (no SDK, no
// checks): Node's start-up plus two requests, the floor for any JavaScript action. Same
// environment variables as trigger.sh (the CA comes as NODE_EXTRA_CA_CERTS).
import https from 'node:https';
import { appendFileSync } from 'node:fs';
import { URLSearchParams } from 'node:url';

const e = process.env;
const post = (url, headers, body) =>
  new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        res.statusCode < 300 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode} ${text}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });

const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: e.CLIENT_ID,
  client_secret: e.CLIENT_SECRET,
  scope: `${e.ARM_ENDPOINT}/.default`,
});
const token = await post(
  `${e.AUTHORITY_HOST}/${e.TENANT_ID}/oauth2/v2.0/token`,
  { 'Content-Type': 'application/x-www-form-urlencoded' },
  form.toString(),
);
const run = await post(
  `${e.ARM_ENDPOINT}/subscriptions/${e.SUBSCRIPTION_ID}/resourceGroups/${e.RESOURCE_GROUP}/providers/Microsoft.DataFactory/factories/${e.FACTORY_NAME}/pipelines/${e.PIPELINE_NAME}/createRun?api-version=2018-06-01`,
  { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
  e.PARAMETERS,
);
console.log(`Started run ${run.runId}`);
if (e.GITHUB_OUTPUT) appendFileSync(e.GITHUB_OUTPUT, `run-id=${run.runId}\n`);
