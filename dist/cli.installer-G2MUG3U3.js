import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  DownloadError,
  InstallError,
  downloadFile,
  expandTemplate,
  installTool,
  parseChecksums,
  planInstall,
  setDownloadRetryDelays,
  sha256File,
  toolCacheRoot,
  toolPlatform
} from "./cli.chunk-UECWRJIV.js";
import "./cli.chunk-CO5RBNW5.js";
import "./cli.chunk-2RIXZI4R.js";
import "./cli.chunk-LGLAJCEX.js";
import "./cli.chunk-4VABOSE2.js";
import "./cli.chunk-T77JWPW4.js";
import "./cli.chunk-RSYSLNZ7.js";
import "./cli.chunk-3WQDYKPG.js";
import "./cli.chunk-BC2UW4FE.js";
import "./cli.chunk-Q4JPE233.js";
import "./cli.chunk-3VAH22HZ.js";
import "./cli.chunk-JMV5H5XF.js";
import "./cli.chunk-RLAIYNRX.js";
import "./cli.chunk-ZY3ABXIW.js";
import "./cli.chunk-NJ27DEOS.js";
import "./cli.chunk-YFFPNGMU.js";
import "./cli.chunk-MYNQKUQR.js";
import "./cli.chunk-RY5DKLWW.js";
import "./cli.chunk-LC5523U3.js";
import "./cli.chunk-ZH76KQBC.js";
export {
  DownloadError,
  InstallError,
  downloadFile,
  expandTemplate,
  installTool,
  parseChecksums,
  planInstall,
  setDownloadRetryDelays,
  sha256File,
  toolCacheRoot,
  toolPlatform
};
