import { describe as suite, expect, it } from 'vitest';
import { dispatch } from '../../app/main/ipc/dispatch.js';
import type { Handlers } from '../../app/main/ipc/context.js';
import { LabelError } from '../../app/main/labels/label-settings.js';
import { LibraryError } from '../../app/main/library/library.js';

/** Handlers where `library:list` throws `error`: dispatch alone decides the answer. */
const throwing = (error: Error) => ({ 'library:list': async () => Promise.reject(error) }) as unknown as Handlers;

suite('dispatch', () => {
  it('answers a LibraryError thrown by any handler with its code, and a LabelError as invalid-request', async () => {
    expect(await dispatch(throwing(new LibraryError('forbidden', '/x was not listed')), 'library:list', {})).toEqual({ ok: false, error: { code: 'forbidden', message: '/x was not listed' } });
    expect(await dispatch(throwing(new LabelError('there is no label rumour')), 'library:list', {})).toEqual({ ok: false, error: { code: 'invalid-request', message: 'there is no label rumour' } });
    expect(await dispatch(throwing(new Error('boom')), 'library:list', {})).toEqual({ ok: false, error: { code: 'internal', message: 'library:list failed: boom' } });
  });
});
