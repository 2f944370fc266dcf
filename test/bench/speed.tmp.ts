import { searchIndexBuildFigures, searchSpeedFigures, searchAccuracyFigures } from './search.js';
await searchIndexBuildFigures();
searchSpeedFigures();
await searchAccuracyFigures();
