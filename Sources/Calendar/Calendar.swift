// The Calendar module.
