import * as z from 'zod';
import { appInfoSchema } from '../../app/app-info';
import { requestChannel } from '../define';

export const appRequestChannels = {
  'app:info': requestChannel(z.object({}), appInfoSchema),
};
