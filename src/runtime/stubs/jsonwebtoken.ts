// Build-time stand-in for the `jsonwebtoken` package (mapped in tsconfig.json `paths`).
export default {
  sign(): never {
    throw new Error(
      'jsonwebtoken is not bundled with this action (src/stubs/jsonwebtoken.ts): certificate sign-in is unsupported.',
    );
  },
};
