// The Speech module.
