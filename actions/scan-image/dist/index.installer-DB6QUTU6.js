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
} from "./index.chunk-RBG76TI5.js";
import "./index.chunk-A5JFXMLQ.js";
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
