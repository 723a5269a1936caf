import type { ConsoleError } from '../errors';

/** The tenant refused a new campaign because every campaign licence is in use (403 LICENCE_LIMIT). */
export const isLicenceLimit = (error: ConsoleError) => error.status === 403 && error.code === 'LICENCE_LIMIT';

/** One sentence a lead can act on, keeping the tenant's own words (its error details) as the detail. */
export function explainLicenceLimit(error: ConsoleError): ConsoleError {
  const tenantWords = error.details?.length
    ? error.details.map((detail) => ({ code: detail.code, message: detail.message }))
    : [{ code: error.code, message: error.message }];
  return {
    kind: 'permission',
    status: error.status,
    code: error.code,
    message:
      'The tenant has no free campaign licence: every licensed campaign slot is taken by a campaign that is not completed. ' +
      'Complete a campaign you no longer need, or ask your CXone administrator for more campaign licences, then create this one again.',
    details: tenantWords,
  };
}
