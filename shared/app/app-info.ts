import * as z from 'zod';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop app, 'web' when served by the browser host. */
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
