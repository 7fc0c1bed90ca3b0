/** `vitsnap push` and `vitsnap pull`: snapshots to and from OCI registries (docs/format.md, "OCI layout"). */
import { resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { formatBytes } from '../format-bytes.js';
import { plural } from '../report/plural.js';
import { connectRegistry, registryReference } from '../registry/connect.js';
import { pullSnapshot } from '../registry/pull.js';
import { pushSnapshot } from '../registry/push.js';
import { addSnapshot } from '../store/add.js';
import { defaultStoreDir, openStore } from '../store/layout.js';
import { resolveRef } from '../store/records.js';
import { isStoreRef } from '../store/open.js';
import { COMMON_OPTIONS, parseCommandArgs } from './args.js';
import type { Command } from './args.js';

const REGISTRY_HELP = `Credentials: VITSNAP_REGISTRY_USER and VITSNAP_REGISTRY_PASSWORD, else docker login's
~/.docker/config.json ($DOCKER_CONFIG), else for ghcr.io GITHUB_TOKEN. Plain HTTP is used for
localhost and 127.0.0.1 only, or for any registry with VITSNAP_REGISTRY_INSECURE=1.
A pull-through mirror (Dragonfly, Kraken, Spegel, a registry proxy) serves pulls when given as
--registry-mirror HOST[:PORT]; pushes always go to the registry named in the reference.`;

export const pushCommand: Command = {
  name: 'push',
  summary: 'send a snapshot to an OCI registry (only the chunks it lacks)',
  help: `Usage: vitsnap push SNAPSHOT oci://REGISTRY/REPOSITORY:TAG [--base TAG]… [--store DIR]

Send a snapshot (a .vitsnap file, or store:NAME) to an OCI registry as an image index of
artifactType application/vnd.vitsnap.snapshot.v1. A file is added to the store first (only its new
chunks are written); chunk blobs the registry already has are not sent again. Chunks listed by
the tag's previous snapshot, and by each --base tag, count as present without a request.

${REGISTRY_HELP}

Options:
      --base TAG      another tag of the repository whose chunks are known present (repeatable)
      --subject DIGEST
                      attach the snapshot to this manifest of the repository (the image built
                      from the same commit): 'vitsnap pull' of the image's tag then finds it
      --mount-from R  another repository of the same registry that may hold the chunks: they
                      are mounted from it instead of uploaded
      --store DIR     the local store (default: $VITSNAP_STORE, else ~/.cache/vitsnap)
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap push build.vitsnap oci://ghcr.io/acme/app-vitsnap:main
  vitsnap push store:pr-42 oci://localhost:5000/app:pr-42 --base main
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('push', argv, { ...COMMON_OPTIONS, base: { type: 'string', multiple: true }, store: { type: 'string' }, 'mount-from': { type: 'string' }, subject: { type: 'string' } });
    if (positionals.length !== 2) throw new OperationError('E_USAGE', "push takes a snapshot and a reference: vitsnap push build.vitsnap oci://ghcr.io/OWNER/REPO:TAG; run 'vitsnap push --help'");
    const [source, target] = positionals as [string, string];
    const ref = registryReference(target, ctx.env);
    if (ref.digest !== undefined) throw new OperationError('E_USAGE', `push needs a tag, not a digest (${target}): a pushed manifest's digest is known only once it is pushed`);
    const layout = openStore(defaultStoreDir(values.store, ctx.env, ctx.cwd), !isStoreRef(source));
    const id = isStoreRef(source) ? resolveRef(layout, source) : (await addSnapshot(layout, resolve(ctx.cwd, source))).id;
    const client = connectRegistry(ref, ctx.env, (line) => ctx.log.note(line));
    try {
      const r = await pushSnapshot(layout, id, ref, client, { baseTags: values.base ?? [], ...(values['mount-from'] === undefined ? {} : { mountFrom: values['mount-from'] }), ...(values.subject === undefined ? {} : { subject: values.subject }), onProgress: (done, total) => ctx.log.progress('uploading', done, total, 'chunk') });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify({ id, reference: target, ...r }, null, 2));
      else if (values.quiet !== true) {
        const share = r.snapshotBytes > 0 ? ` (${((100 * r.uploadedBytes) / r.snapshotBytes).toFixed(1)} % of the ${formatBytes(r.snapshotBytes)} snapshot)` : '';
        ctx.log.out(`pushed ${id.slice(0, 12)} to ${target} (${r.indexDigest}): ${plural(r.chunks, 'chunk')}, ${r.uploaded - r.mounted} sent, ${formatBytes(r.uploadedBytes)}${share}${r.mounted > 0 ? `, ${r.mounted} mounted` : ''}; ${r.present} already there`);
      }
    } finally {
      client.close();
    }
    return 0;
  },
};

export const pullCommand: Command = {
  name: 'pull',
  summary: 'fetch a snapshot from an OCI registry into the store (and -o FILE)',
  help: `Usage: vitsnap pull oci://REGISTRY/REPOSITORY:TAG [-o FILE] [--name NAME] [--store DIR]

Fetch a snapshot pushed by 'vitsnap push' into the local store (a tag of an image fetches the
newest snapshot pushed with --subject that image): chunks the store has are not
fetched, so an interrupted pull resumes where it stopped. Every blob is checked against its
digest and every chunk against its SHA-256, and the snapshot is rebuilt and checked against the
id it claims before it is stored. -o also writes it as a standalone .vitsnap file.

${REGISTRY_HELP}

Options:
  -o, --output FILE       write the snapshot to FILE as well
      --name NAME         name it in the store (then use store:NAME)
      --registry-mirror H fetch through this mirror (host[:port]) instead of the registry
      --store DIR         the local store (default: $VITSNAP_STORE, else ~/.cache/vitsnap)
      --json              print the result as JSON
  -q, --quiet             print only errors (--json still prints the result)
  -h, --help              show this help

Examples:
  vitsnap pull oci://ghcr.io/acme/app-vitsnap:main -o main.vitsnap
  vitsnap pull oci://ghcr.io/acme/app-vitsnap:main --name main && vitsnap diff store:main build/
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('pull', argv, {
      ...COMMON_OPTIONS,
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      store: { type: 'string' },
      'registry-mirror': { type: 'string' },
    });
    if (positionals.length !== 1) throw new OperationError('E_USAGE', "pull takes one reference: vitsnap pull oci://ghcr.io/OWNER/REPO:TAG; run 'vitsnap pull --help'");
    const ref = registryReference(positionals[0] as string, ctx.env, values['registry-mirror'] === undefined ? {} : { mirror: values['registry-mirror'] });
    const layout = openStore(defaultStoreDir(values.store, ctx.env, ctx.cwd), true);
    const client = connectRegistry(ref, ctx.env, (line) => ctx.log.note(line));
    try {
      const r = await pullSnapshot(layout, client, ref, {
        ...(values.name === undefined ? {} : { name: values.name }),
        ...(values.output === undefined ? {} : { output: resolve(ctx.cwd, values.output) }),
        onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk'),
      });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify(r, null, 2));
      else if (values.quiet !== true) {
        const out = r.output === null ? '' : `, wrote ${values.output}`;
        ctx.log.out(`pulled ${r.id.slice(0, 12)}${values.name === undefined ? '' : ` (${values.name})`}: ${plural(r.chunks, 'chunk')}, ${r.fetched} fetched (${formatBytes(r.fetchedBytes)}), ${r.chunks - r.fetched} already in the store${out}`);
      }
    } finally {
      client.close();
    }
    return 0;
  },
};
