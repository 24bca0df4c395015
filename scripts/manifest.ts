/**
 * Writes the built manifest from the one source manifest (both browsers read the same file:
 * Chrome uses background.service_worker, Firefox background.scripts).
 */

export type Manifest = Record<string, unknown>;

/** Version from package.json (one source of truth); test builds add host permissions. */
export function buildManifest(source: Manifest, pkg: unknown, hostPermissions: string[] | null): Manifest {
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  if (typeof version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(version)) {
    throw new Error(`package.json version ${JSON.stringify(version)} is not a valid extension version (1 to 4 dot-separated integers)`);
  }
  if ('host_permissions' in source) {
    throw new Error('manifest.json must not declare host_permissions: user builds get host access only through optional_host_permissions.');
  }
  const manifest: Manifest = {};
  for (const [key, value] of Object.entries(source)) {
    manifest[key] = value;
    // Keep the conventional order: version right after the name.
    if (key === 'name') manifest.version = version;
  }
  manifest.version = version;
  if (hostPermissions) manifest.host_permissions = hostPermissions;
  return manifest;
}
