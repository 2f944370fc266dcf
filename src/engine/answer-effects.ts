// What a question tests and which answer is the healthy one; the app and the CLI import these from here.
export { healthyAnswer, questionNode, questionTests } from './findings.js';
