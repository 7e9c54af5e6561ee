// Endpoint overrides: https only (Azure sign-in refuses plain http), without trailing slashes.

/** The URL without trailing slashes; undefined, with a problem, when it is not an https URL. */
export function httpsUrl(
  name: string,
  value: string,
  problems: string[],
  example = 'https://management.example.com',
): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`'${name}' must be an https URL like ${example}, got '${value}'.`);
    return undefined;
  }
  if (url.protocol !== 'https:') {
    problems.push(`'${name}' must use https (Azure sign-in refuses plain http), got '${value}'.`);
    return undefined;
  }
  return value.replace(/\/+$/, '');
}
