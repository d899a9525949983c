import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { api } from '../../api';
import { FormError, SelectField, TextField } from '../../components/field';
import { Async } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDate, t } from '../../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../../lib/forms';
import { useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { CreateMember, type Member, ROLES, type Role } from '../../../../worker/tenants/schemas';

type MemberView = z.infer<typeof Member>;

const EMPTY = { email: '', name: '', role: 'viewer' as Role, password: '' };

function AddMember({ onAdded }: { onAdded: (member: MemberView) => void }) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState(false);
  const set = (field: 'email' | 'name' | 'password') => (value: string) => setForm({ ...form, [field]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setAdded(false);
    const checked = validate(CreateMember, { ...form, name: form.name.trim() || undefined });
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    try {
      onAdded(await api<MemberView>('/api/team', { method: 'POST', body: checked.data }));
      setForm(EMPTY);
      setAdded(true);
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    }
  };
  return (
    <form class="stack add-member" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h3 class="section-title" id="add-member-title">
        {t('settings.memberAdd')}
      </h3>
      <div class="row">
        <TextField
          label={t('settings.memberEmail')}
          type="email"
          autoComplete="off"
          value={form.email}
          onValue={set('email')}
          error={errors.email}
          required
        />
        <TextField
          label={t('settings.memberName')}
          autoComplete="off"
          value={form.name}
          onValue={set('name')}
          error={errors.name}
          optional
        />
        <SelectField
          label={t('settings.memberRole')}
          value={form.role}
          onValue={(role) => setForm({ ...form, role })}
          options={ROLES.map((role) => ({ value: role, label: t(`app.role.${role}`) }))}
          error={errors.role}
        />
      </div>
      <TextField
        label={t('settings.memberPassword')}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onValue={set('password')}
        error={errors.password}
        hint={t('settings.memberPasswordHint')}
        required
      />
      <FormError message={errors['']} />
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {t('settings.memberAdd')}
        </button>
        {added && (
          <span class="saved" role="status">
            {t('settings.memberAdded')}
          </span>
        )}
      </div>
    </form>
  );
}

export function Team() {
  const { canEdit } = useSession();
  const members = useResource(() => api<{ data: MemberView[] }>('/api/team').then((page) => page.data), []);
  return (
    <section class="card section" aria-labelledby="team-title">
      <div class="section-head">
        <h2 class="section-title" id="team-title">
          {t('settings.team')}
        </h2>
        <p class="section-lead">{t('settings.teamLead')}</p>
      </div>
      <Async resource={members}>
        {(data) => (
          <TableWrap label={t('settings.team')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.memberEmail')}</th>
                  <th scope="col">{t('settings.memberName')}</th>
                  <th scope="col">{t('settings.memberRole')}</th>
                  <th scope="col">{t('settings.keyCreatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((member) => (
                  <tr key={member.id}>
                    <td>{member.email}</td>
                    <td>{member.name ?? <span class="muted">—</span>}</td>
                    <td>
                      <span class={`badge${member.role === 'viewer' ? '' : ' badge-accent'}`}>
                        {t(`app.role.${member.role}`)}
                      </span>
                    </td>
                    <td>{formatDate(member.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Async>
      {canEdit && members.state === 'ready' && <AddMember onAdded={(member) => members.replace([...members.data, member])} />}
    </section>
  );
}
