/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload hook */
/**
 * Lets plain `node -r ./libs/testing/src/ts-register.cjs apps/worker/src/main.ts` run the
 * TypeScript sources as jest does (@swc/core, same options; `@carebook/<lib>` -> libs/<lib>/src), so a
 * test can run the worker as a real child process and SIGKILL it. Tests only.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@carebook\/([a-z-]+)$/.exec(request);
  return resolve.call(this, lib ? path.join(root, 'libs', lib[1], 'src', 'index.ts') : request, ...rest);
};

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
