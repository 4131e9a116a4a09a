import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  ConveyorOctokit,
  clientOptions,
  createOctokit
} from "./cli.chunk-IPM4MPGY.js";
import "./cli.chunk-YFFPNGMU.js";
import "./cli.chunk-MYNQKUQR.js";
import "./cli.chunk-RY5DKLWW.js";
import "./cli.chunk-LC5523U3.js";
import "./cli.chunk-ZH76KQBC.js";
export {
  ConveyorOctokit,
  clientOptions,
  createOctokit
};
