#!/usr/bin/env bash
# The baseline: what most workflows do today to start an ADF pipeline run without an action, as in
# the classic how-to: get a token with the client-credentials grant, then POST createRun.
# Inputs come from the environment (the bench points them at the local emulator):
#   AUTHORITY_HOST TENANT_ID CLIENT_ID CLIENT_SECRET ARM_ENDPOINT SUBSCRIPTION_ID RESOURCE_GROUP
#   FACTORY_NAME PIPELINE_NAME PARAMETERS (a JSON object) CA_FILE (the emulator's CA, for --cacert)
set -euo pipefail

TOKEN=$(curl -sS --fail-with-body --cacert "$CA_FILE" -X POST \
  "$AUTHORITY_HOST/$TENANT_ID/oauth2/v2.0/token" \
  --data-urlencode "grant_type=client_credentials" \
  --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode "client_secret=$CLIENT_SECRET" \
  --data-urlencode "scope=$ARM_ENDPOINT/.default" | jq -r .access_token)

RUN_ID=$(curl -sS --fail-with-body --cacert "$CA_FILE" -X POST \
  "$ARM_ENDPOINT/subscriptions/$SUBSCRIPTION_ID/resourceGroups/$RESOURCE_GROUP/providers/Microsoft.DataFactory/factories/$FACTORY_NAME/pipelines/$PIPELINE_NAME/createRun?api-version=2018-06-01" \
  -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" \
  -d "$PARAMETERS" | jq -r .runId)

echo "Started run $RUN_ID"
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "run-id=$RUN_ID" >> "$GITHUB_OUTPUT"; fi
