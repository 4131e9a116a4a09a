import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  createOctokit
} from "./cli.chunk-WOD25I6W.js";
import "./cli.chunk-O5XFNRUJ.js";
import "./cli.chunk-MYNQKUQR.js";
import "./cli.chunk-RY5DKLWW.js";
import "./cli.chunk-BDBH3FYR.js";
import "./cli.chunk-ZH76KQBC.js";
export {
  createOctokit
};
