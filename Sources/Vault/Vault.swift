// The Vault module.
