import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-VICIXLH5.js";
import "./chunk-VEUO7CZG.js";
import "./chunk-W6AEQO4J.js";
export {
  createOctokit
};
