import type { z } from 'zod';

/** One request channel: renderer asks, main answers. */
export interface RequestChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export const requestChannel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): RequestChannelSpec<Req, Res> => ({
  request,
  response,
});
