import { toConsoleError, type ConsoleError } from '../../shared/errors';
import { ApiError } from '../api';

export function errorOf(thrown: unknown): ConsoleError {
  return thrown instanceof ApiError ? thrown.error : toConsoleError(thrown);
}
