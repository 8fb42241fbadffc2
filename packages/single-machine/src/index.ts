export {
  openSingleMachine,
  embeddedDataPath,
  type SingleMachine,
  type SingleMachineOptions,
} from './single-machine.ts';
export { inProcessIngestSink } from './in-process-sink.ts';
export { FiguresUpdatesBus } from './in-process-bus.ts';
export { SAMPLE_FILE, monthlyCountsCsv } from './sample-data.ts';
export {
  ServerInfoSchema,
  removeServerInfoSync,
  runningServer,
  writeServerInfo,
  type ServerInfo,
} from './server-info.ts';
