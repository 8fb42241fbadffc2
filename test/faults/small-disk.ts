import { spawnSync } from 'node:child_process';

/**
 * Whether this machine lets an ordinary process mount a filesystem of its own: a tmpfs in a new
 * user and mount namespace (`unshare -Urm`), which needs no root and vanishes with the process.
 */
export function privateMountsAvailable(): boolean {
  const probe = spawnSync(
    'unshare',
    ['-Urm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || exit 1'],
    { stdio: 'ignore' },
  );
  return probe.status === 0;
}

/** The space a folder's files take, in KiB. */
export function folderKb(folder: string): number {
  const du = spawnSync('du', ['-sk', folder], { encoding: 'utf8' });
  if (du.status !== 0) throw new Error(`du ${folder}: ${du.stderr}`);
  return Number(du.stdout.split('\t')[0]);
}

/**
 * The shell script that runs a command on `home` moved onto a full disk: a tmpfs of `sizeKb`
 * mounted on `$1`, the home (`$2`) copied onto it, the command (`$4`…) run with CRIMESTATS_HOME
 * there, and whatever the home then holds copied out to `$3` for the test to read. Exits with
 * the command's code.
 */
export function onSmallDiskScript(sizeKb: number): string {
  return [
    `mount -t tmpfs -o size=${sizeKb}k tmpfs "$1" || exit 97`,
    'cp -a "$2" "$1/home" || exit 98',
    'export CRIMESTATS_HOME="$1/home" OUT_HOME="$3"',
    'shift 3',
    'set +e',
    '"$@"',
    'code=$?',
    'cp -a "$CRIMESTATS_HOME" "$OUT_HOME" || exit 99',
    'exit $code',
  ].join('\n');
}
