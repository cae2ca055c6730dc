export { createRotatingLog, type LogLevel, type RotatingLogOptions, type StationLog } from './rotating-log';
