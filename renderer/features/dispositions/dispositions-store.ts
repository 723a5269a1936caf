import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BatchFilter, BatchOverview, BatchRow } from '../../../shared/dispositions/import-batch';
import type { DryRunSummary } from '../../../shared/dispositions/import-dry-run';
import type { ImportJobSummary } from '../../../shared/dispositions/import-job';
import type { ImportReport } from '../../../shared/dispositions/import-report';
import type { ConsoleError } from '../../../shared/errors';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';
import { uploadFile } from './upload-file';

export const rowPageSize = 200;

export interface DispositionsState {
  overview: BatchOverview | null;
  opening: { label: string; sentBytes: number; totalBytes: number } | null;
  filter: BatchFilter;
  /** Filtered row count and the pages loaded so far (page index → rows). */
  filteredTotal: number;
  pages: ReadonlyMap<number, BatchRow[]>;
  /** Bumped whenever loaded pages become stale (edit, mapping, filter, dry run). */
  rowsVersion: number;
  dryRun: DryRunSummary | null;
  dryRunning: boolean;
  progress: RunProgressOf<'import'> | null;
  report: ImportReport | null;
  jobs: ImportJobSummary[];
  /** Set when this file was imported before and applying needs an explicit yes. */
  reimportOf: ImportJobSummary | null;
  error: ConsoleError | null;
  start(): () => void;
  /** Browser mode: a path the lead typed and confirmed. */
  openPath(path: string): Promise<void>;
  /** Desktop app: main's own file dialog. */
  pickAndOpen(): Promise<void>;
  openUpload(file: File): Promise<void>;
  /** Demo tenant only: writes a sample file of the demo's own contacts and opens it. */
  openDemoSample(): Promise<void>;
  setMapping(field: string, header: string | null): Promise<void>;
  setFilter(filter: BatchFilter): void;
  loadPage(page: number): Promise<void>;
  editCell(line: number, field: string, value: string): Promise<ConsoleError | null>;
  runDryRun(): Promise<void>;
  cancelDryRun(): Promise<void>;
  apply(confirmReimport: boolean): Promise<void>;
  /** The lead said no to importing the same file again. */
  declineReimport(): void;
  control(action: 'pause' | 'resume' | 'cancel' | 'finishNow'): Promise<void>;
  /** Retries just the contacts the shown report left waiting (on a call). */
  retryBusy(): Promise<void>;
  resumeJob(jobId: string): Promise<void>;
  showReport(jobId: string): Promise<void>;
  exportUnapplied(): Promise<{ fileName: string; csv: string; path: string } | null>;
  close(): void;
  dismissError(): void;
}

export type DispositionsStore = StoreApi<DispositionsState>;

export const createDispositionsStore = (api: ConsoleApi): DispositionsStore =>
  createStore<DispositionsState>((set, get) => {
    const loadingPages = new Set<string>();
    const fresh = (overview: BatchOverview | null) =>
      set({ overview, pages: new Map(), filteredTotal: overview?.counts.total ?? 0, rowsVersion: get().rowsVersion + 1 });
    const guard = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (thrown) {
        set({ error: errorOf(thrown) });
      }
    };
    const refreshJobs = () =>
      api.call('dispositions:jobs', {}).then(
        (jobs) => set({ jobs }),
        () => undefined,
      );
    const opened = (overview: BatchOverview) => {
      set({ dryRun: null, report: null, progress: null, reimportOf: null, error: null, opening: null, filter: 'all' });
      fresh(overview);
      void get().loadPage(0);
    };

    return {
      overview: null,
      opening: null,
      filter: 'all',
      filteredTotal: 0,
      pages: new Map(),
      rowsVersion: 0,
      dryRun: null,
      dryRunning: false,
      progress: null,
      report: null,
      jobs: [],
      reimportOf: null,
      error: null,
      start() {
        const offProgress = api.on('runs:progress', (progress) => {
          if (progress.kind !== 'import') return;
          const current = get().progress;
          if (progress.detail.mode === 'dry_run' || !current || current.runId === progress.runId) set({ progress });
        });
        const offSettled = api.on('dispositions:importSettled', (report) => {
          if (get().progress?.runId === report.jobId) set({ report, progress: null });
          void refreshJobs().then(() => {
            // The open file now counts as imported (applying it again asks first), and its dry run is out of date.
            const overview = get().overview;
            const job = get().jobs.find((candidate) => candidate.contentHash === report.contentHash);
            if (overview && job && overview.contentHash === report.contentHash) set({ overview: { ...overview, previousImport: job }, dryRun: null });
          });
        });
        void refreshJobs();
        return () => {
          offProgress();
          offSettled();
        };
      },
      openPath: (path) =>
        guard(async () => {
          set({ opening: { label: path, sentBytes: 0, totalBytes: 0 }, error: null });
          try {
            opened(await api.call('dispositions:open', { path, confirmed: true }));
          } finally {
            set({ opening: null });
          }
        }),
      pickAndOpen: () =>
        guard(async () => {
          set({ error: null });
          const picked = await api.call('dispositions:pickFile', {});
          if (!picked) return;
          set({ opening: { label: picked.fileName, sentBytes: 0, totalBytes: 0 } });
          try {
            opened(await api.call('dispositions:open', { fileId: picked.fileId }));
          } finally {
            set({ opening: null });
          }
        }),
      openDemoSample: () =>
        guard(async () => {
          set({ opening: { label: 'a sample file from the demo tenant', sentBytes: 0, totalBytes: 0 }, error: null });
          try {
            const sample = await api.call('dispositions:demoSample', {});
            opened(await api.call('dispositions:open', { fileId: sample.fileId }));
          } finally {
            set({ opening: null });
          }
        }),
      openUpload: (file) =>
        guard(async () => {
          set({ opening: { label: file.name, sentBytes: 0, totalBytes: file.size }, error: null });
          try {
            const uploadId = await uploadFile(api, file, (sentBytes) => set({ opening: { label: file.name, sentBytes, totalBytes: file.size } }));
            opened(await api.call('dispositions:open', { uploadId }));
          } finally {
            set({ opening: null });
          }
        }),
      setMapping: (field, header) =>
        guard(async () => {
          const overview = get().overview;
          if (!overview) return;
          fresh(await api.call('dispositions:setMapping', { sessionId: overview.sessionId, mapping: { ...overview.mapping, [field]: header } }));
          set({ dryRun: null });
          await get().loadPage(0);
        }),
      setFilter(filter) {
        set({ filter, pages: new Map(), rowsVersion: get().rowsVersion + 1 });
        void get().loadPage(0);
      },
      async loadPage(page) {
        const { overview, filter, rowsVersion, pages } = get();
        if (!overview || pages.has(page)) return;
        const key = `${rowsVersion}:${page}`;
        if (loadingPages.has(key)) return;
        loadingPages.add(key);
        try {
          const answer = await api.call('dispositions:rows', { sessionId: overview.sessionId, filter, offset: page * rowPageSize, limit: rowPageSize });
          if (get().rowsVersion !== rowsVersion) return;
          const next = new Map(get().pages);
          next.set(page, answer.rows);
          set({ pages: next, filteredTotal: answer.total });
        } catch (thrown) {
          set({ error: errorOf(thrown) });
        } finally {
          loadingPages.delete(key);
        }
      },
      async editCell(line, field, value) {
        const overview = get().overview;
        if (!overview) return null;
        try {
          const answer = await api.call('dispositions:editCell', { sessionId: overview.sessionId, line, field, value });
          const pages = new Map(get().pages);
          for (const [index, rows] of pages) {
            if (rows.some((row) => row.line === line))
              pages.set(
                index,
                rows.map((row) => (row.line === line ? answer.row : row)),
              );
          }
          // Other rows of the same contact may change status too; keep what is shown, refresh in the background.
          set({ overview: answer.overview, pages, dryRun: null });
          return null;
        } catch (thrown) {
          return errorOf(thrown);
        }
      },
      runDryRun: () =>
        guard(async () => {
          const overview = get().overview;
          if (!overview) return;
          set({ dryRunning: true, progress: null });
          try {
            const dryRun = await api.call('dispositions:dryRun', { sessionId: overview.sessionId });
            set({ dryRun, pages: new Map(), rowsVersion: get().rowsVersion + 1 });
            await get().loadPage(0);
          } finally {
            set({ dryRunning: false, progress: null });
          }
        }),
      cancelDryRun: () =>
        guard(async () => {
          const overview = get().overview;
          if (overview) await api.call('dispositions:cancelDryRun', { sessionId: overview.sessionId });
        }),
      apply: (confirmReimport) =>
        guard(async () => {
          const overview = get().overview;
          if (!overview) return;
          try {
            const job = await api.call('dispositions:apply', { sessionId: overview.sessionId, confirmReimport });
            set({ reimportOf: null, report: null });
            const progress = await api.call('dispositions:progress', { jobId: job.id });
            set({ progress: progress ?? get().progress });
            void refreshJobs();
          } catch (thrown) {
            const error = errorOf(thrown);
            if (error.code === 'ALREADY_IMPORTED') set({ reimportOf: overview.previousImport, error: null });
            else throw thrown;
          }
        }),
      declineReimport: () => set({ reimportOf: null }),
      control: (action) =>
        guard(async () => {
          const jobId = get().progress?.runId;
          if (jobId) set({ progress: await api.call(`dispositions:${action}`, { jobId }) });
        }),
      retryBusy: () =>
        guard(async () => {
          const jobId = get().report?.jobId;
          if (!jobId) return;
          await api.call('dispositions:retryBusy', { jobId });
          set({ progress: await api.call('dispositions:progress', { jobId }), report: null });
          void refreshJobs();
        }),
      resumeJob: (jobId) =>
        guard(async () => {
          await api.call('dispositions:resumeJob', { jobId });
          set({ progress: await api.call('dispositions:progress', { jobId }), report: null });
          void refreshJobs();
        }),
      showReport: (jobId) =>
        guard(async () => {
          set({ report: await api.call('dispositions:report', { jobId }) });
        }),
      async exportUnapplied() {
        const jobId = get().report?.jobId;
        if (!jobId) return null;
        try {
          return await api.call('dispositions:exportUnapplied', { jobId });
        } catch (thrown) {
          set({ error: errorOf(thrown) });
          return null;
        }
      },
      close() {
        set({ overview: null, dryRun: null, report: null, reimportOf: null, pages: new Map(), filteredTotal: 0 });
      },
      dismissError: () => set({ error: null }),
    };
  });

const dispositionsStoreContext = createStoreContext<DispositionsState>('dispositions');
export const DispositionsStoreProvider = dispositionsStoreContext.Provider;
export const useDispositionsStore = dispositionsStoreContext.useSelector;
