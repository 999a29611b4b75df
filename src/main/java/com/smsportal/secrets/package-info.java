/**
 * Secrets: the portal's key (or keys, while one is being replaced), which is never in the database,
 * and what is encrypted with it. {@link com.smsportal.secrets.CredentialCipher} encrypts the
 * gateway accounts' passwords, each bound to where it is stored and where it goes; only the gateway
 * accounts' module uses it, the only module that ever holds a decrypted gateway password. {@link
 * com.smsportal.secrets.PortalSecrets} seals the few secrets other modules must keep readable (a
 * user's second-factor key) and derives keys for signatures; a module that keeps sealed values
 * implements {@code PortalSecrets.SealedSecrets}, so that the key rotation command moves them to a
 * new key too. Without a key the portal does not start.
 */
package com.smsportal.secrets;
