import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'stream', 'url', 'util', 'events', 'worker_threads'];

/** The only files of electron/ that may import Electron itself. */
const electronEdges = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/window.ts',
  'electron/security/harden-window.ts',
  'electron/ipc/bind-electron.ts',
  'electron/tray.ts',
];

/** Folders of electron/ that may import the demo tenants: the composition (app/, host/), the tenant session, which starts one when chosen, and the Admin API demo, built on the contract demo's seed. */
const demoTenantUsers = ['electron/app/**', 'electron/host/**', 'electron/tenant-session/**', 'electron/demo-tenant/**', 'electron/demo-tenant-admin/**'];

/** Benches (scripts/) and tests (test/) import production code; never the other way round. */
const notScriptsOrTests = { group: ['**/scripts/**', '**/test/**'], message: 'Production code never imports scripts/ or test/; they import it.' };
const notDemoTenant = {
  group: ['**/demo-tenant/**', '**/demo-tenant-admin/**'],
  message: 'The services work against any tenant: only electron/app/, electron/host/ and electron/tenant-session/ (and scripts/bench/) use the demo tenant.',
};
const noUiInElectron = { group: ['**/renderer/**', 'react', 'react-dom', 'zustand'], message: 'electron/ has no UI code and never imports renderer/.' };
const noElectronInServices = {
  group: ['electron', 'electron/*', 'electron-store'],
  message: 'Services run without Electron (browser host, CLI, tests): only the composition root and window code import it.',
};

/** The layering rule: shared/ is pure, renderer/ is browser-only, neither reaches into electron/. */
const layer = (forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map(({ group, message }) => ({ group, message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `import { z }` keeps all of zod in every bundle; the namespace import lets the bundler drop what nothing uses.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "Import zod as `import * as z from 'zod'`: the named `z` keeps all of zod in the bundle, before every command's first request.",
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node imports.' },
      { group: ['electron', 'electron/*', 'electron-store'], message: 'shared/ must not import Electron.' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither electron/ nor renderer/.' },
      { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'shared/ has no UI code.' },
      notScriptsOrTests,
    ]),
  },
  {
    files: ['shared/base/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[^/]+$)', message: 'shared/base imports nothing but other shared/base files.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...layer([
        { group: nodeBuiltins, message: 'renderer/ runs in the browser: no Node imports; ask main through the IPC contract.' },
        {
          group: ['electron', 'electron/*', 'electron-store', 'ky', 'ws'],
          message: 'renderer/ never talks to Electron or the network directly; use renderer/api.ts.',
        },
        { group: ['**/electron/**'], message: 'renderer/ imports only shared/, never electron/.' },
        { group: ['../*/*-store'], message: "A feature never imports another feature's store; send the lead there with useNavigation() (app/navigation.ts)." },
        notScriptsOrTests,
      ]),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [...electronEdges, ...demoTenantUsers],
    rules: layer([noUiInElectron, noElectronInServices, notScriptsOrTests, notDemoTenant]),
  },
  {
    files: demoTenantUsers,
    ignores: electronEdges,
    rules: layer([noUiInElectron, noElectronInServices, notScriptsOrTests]),
  },
  {
    files: electronEdges,
    rules: layer([noUiInElectron, notScriptsOrTests, notDemoTenant]),
  },
);
