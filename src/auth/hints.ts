export const ID_TOKEN_HINT =
  "Add 'permissions: id-token: write' to the job (or workflow) so it can request a GitHub OIDC token. Pull requests from forks and Dependabot runs get no ID token and no secrets.";
