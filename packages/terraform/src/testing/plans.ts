/**
 * Small plan documents written for tests: the kinds of change the corpus has no example of
 * (create-before-destroy, forget, forget-then-create in both orders, delete, drift, sensitive attributes).
 */
import type { RawPlan, RawResourceChange } from '../plan.ts';
import type { Json } from '../values.ts';

export function resource(address: string, actions: string[], extra: Partial<RawResourceChange['change']> & { previous_address?: string; action_reason?: string } = {}): RawResourceChange {
  const { previous_address, action_reason, ...change } = extra;
  const [type, name] = address.split('.').slice(-2);
  return {
    address,
    ...(previous_address ? { previous_address } : {}),
    mode: 'managed',
    type,
    name,
    ...(action_reason ? { action_reason } : {}),
    change: { actions, before: null, after: null, after_unknown: {}, before_sensitive: false, after_sensitive: false, ...change },
  };
}

export function plan(resources: RawResourceChange[], more: Partial<RawPlan> & Record<string, unknown> = {}): RawPlan {
  return { format_version: '1.2', terraform_version: '1.9.0', resource_changes: resources, ...more };
}

const db = { name: 'orders', password: 'hunter2-orders-db', size: 10, tags: { team: 'shop' } } satisfies Json;

/** One plan with every kind of change, sensitive attributes and an output. */
export function mixedPlan(): RawPlan {
  return plan([
    resource('aws_db_instance.main', ['update'], {
      before: db,
      after: { ...db, password: 'correct-horse-battery', size: 20 },
      before_sensitive: { password: true },
      after_sensitive: { password: true },
    }),
    resource('aws_instance.web', ['delete', 'create'], {
      before: { ami: 'ami-111', id: 'i-123' },
      after: { ami: 'ami-222' },
      after_unknown: { id: true },
      replace_paths: [['ami']],
      action_reason: 'replace_because_cannot_update',
    }),
    resource('aws_lb.front', ['create', 'delete'], { before: { name: 'front' }, after: { name: 'front-v2' } }),
    resource('aws_s3_bucket.logs', ['delete'], { before: { bucket: 'logs' } }),
    resource('aws_iam_role.legacy', ['forget'], { before: { name: 'legacy' } }),
    resource('aws_iam_role.reborn', ['create', 'forget'], { before: { name: 'reborn' }, after: { name: 'reborn' } }),
    resource('aws_iam_role.tofu', ['forget', 'create'], { before: { name: 'tofu' }, after: { name: 'tofu' } }),
    resource('aws_vpc.main', ['no-op'], { before: { cidr: '10.0.0.0/16' }, after: { cidr: '10.0.0.0/16' }, importing: { id: 'vpc-1' } }),
    resource('aws_subnet.a', ['no-op'], { before: { cidr: '10.0.1.0/24' }, after: { cidr: '10.0.1.0/24' }, previous_address: 'aws_subnet.old' }),
    resource('aws_key_pair.deploy', ['create'], {
      after: { key_name: 'deploy', public_key: 'ssh-ed25519 AAAA-secret-key-material' },
      after_sensitive: { public_key: true },
    }),
    resource('aws_route53_record.same', ['no-op'], { before: { name: 'x' }, after: { name: 'x' } }),
    { ...resource('data.aws_ami.ubuntu', ['read'], { after_unknown: { id: true } }), mode: 'data' },
  ], {
    resource_drift: [resource('aws_security_group.edge', ['update'], { before: { ingress: ['0.0.0.0/0'] }, after: { ingress: ['10.0.0.0/8'] } })],
    output_changes: {
      db_password: { actions: ['create'], before: null, after: 'output-secret-value', after_unknown: false, before_sensitive: false, after_sensitive: true },
      endpoint: { actions: ['update'], before: 'old.example.com', after: null, after_unknown: true, before_sensitive: false, after_sensitive: false },
      settings: { actions: ['create'], before: null, after: { region: 'eu-west-1', token: 'nested-output-secret' }, after_unknown: false, before_sensitive: false, after_sensitive: { token: true } },
    },
    timestamp: '2026-01-01T00:00:00Z',
  });
}

/** The sensitive strings in `mixedPlan`, none of which may ever be rendered. */
export const MIXED_SECRETS = ['hunter2-orders-db', 'correct-horse-battery', 'AAAA-secret-key-material', 'output-secret-value', 'nested-output-secret'];
