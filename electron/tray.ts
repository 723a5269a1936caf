import { app, Menu, nativeImage, Notification, Tray, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { describeError, toConsoleError } from '../shared/errors';
import { describeEmergencyRun } from './campaigns/describe-emergency-run';
import type { ConsoleServices } from './app/console-services';
import { operatorActor } from './app/operator-actor';

/** The emergency pause stays one click away even when the window is hidden. */
export function createConsoleTray(services: ConsoleServices, window: BrowserWindow): Tray {
  const iconPath = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'build', 'icon.png');
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  const actor = operatorActor('tray menu');
  const notify = (body: string) => {
    if (Notification.isSupported()) new Notification({ title: 'CXone Outbound Console', body }).show();
  };
  const report = (run: ReturnType<ConsoleServices['campaignControl']['emergencyPause']>) =>
    run.then(
      (done) => notify(describeEmergencyRun(done)),
      (thrown: unknown) => notify(`Emergency action failed: ${describeError(toConsoleError(thrown))}`),
    );
  tray.setToolTip('CXone Outbound Console');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show console', click: () => window.show() },
      { type: 'separator' },
      {
        label: 'Emergency pause: pause every running campaign',
        click: () => report(services.campaignControl.emergencyPause(actor)),
      },
      {
        label: 'Resume what the emergency pause stopped',
        click: () => report(services.campaignControl.resumeEmergency(actor)),
      },
      { type: 'separator' },
      { label: 'Quit', role: 'quit' },
    ]),
  );
  return tray;
}
