import { createContext, useContext } from "react";

/** The CSP nonce of the current request, for the few inline scripts Remix writes. */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
