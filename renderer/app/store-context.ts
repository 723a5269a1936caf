import { createContext, createElement, useContext, type ReactElement, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

export interface StoreContext<S> {
  /** Puts one store instance in reach of the components below (main.tsx, or a test). */
  Provider(props: { store: StoreApi<S>; children?: ReactNode }): ReactElement;
  /** The selected part of the provided store's state; re-renders when it changes. */
  useSelector<T>(selector: (state: S) => T): T;
}

/** A React context for one zustand store, so components get the instance main.tsx created instead of a module singleton. */
export function createStoreContext<S>(name: string): StoreContext<S> {
  const context = createContext<StoreApi<S> | null>(null);
  context.displayName = `${name}Store`;
  return {
    Provider: ({ store, children }) => createElement(context.Provider, { value: store }, children),
    useSelector<T>(selector: (state: S) => T): T {
      const store = useContext(context);
      if (!store) throw new Error(`The ${name} store is not provided; wrap the app in <StoresProvider>.`);
      return useStore(store, selector);
    },
  };
}
