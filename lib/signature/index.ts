// Public surface of the error-signature module: message -> template (errorSignature, stateless),
// batch grouping (groupSignatures), template -> short stable key (signatureKey).
export { errorSignature } from "./signature";
export { groupSignatures } from "./group";
export { signatureKey, fnv1a64 } from "./hash";
export { PH as PLACEHOLDER } from "./classes";
export { MAX_INPUT } from "./prepare";
