// Pipeline names as Data Factory and Synapse accept them (the Data Factory REST spec's pattern).
const PIPELINE = /^[A-Za-z0-9_][^<>*#.%&:\\+?/]*$/;

export const PIPELINE_NAME_RULE = {
  test: (name: string) => PIPELINE.test(name) && name.length <= 260,
  rule: "must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /",
};
