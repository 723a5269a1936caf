// What the Node bundles hold for zod's `locales` namespace (scripts/build-node.mjs): English only.
export { default as en } from 'zod/v4/locales/en.js';
