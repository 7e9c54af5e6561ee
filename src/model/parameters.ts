// A pipeline's declared parameters, as the services read them and the inputs check values against.

export type ParameterType = 'String' | 'Int' | 'Float' | 'Bool' | 'Array' | 'Object' | 'SecureString';
export interface ParameterSpec {
  type: ParameterType | string;
  defaultValue?: unknown;
}
export type ParameterDefinitions = Record<string, ParameterSpec>;
