import { createContext, useContext } from 'react';

/** NO_COLOR and --no-color: components ask for a colour and get none. */
export const ColorContext = createContext(true);

export function useColor(): (name: string) => string | undefined {
  const enabled = useContext(ColorContext);
  return (name) => (enabled ? name : undefined);
}
