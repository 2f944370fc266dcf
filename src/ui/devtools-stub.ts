// Ink imports react-devtools-core only under DEV=true; the bundle gets this stand-in instead.
export default { initialize() {}, connectToDevTools() {} };
